import { AppError } from '../../common/contract';
import type { Subsystem } from '../../platform/subsystem';
import type { SettingsStore } from '../config/settings-store';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import type { MaterialsService } from './service';

export interface MaterialsDeps {
  database: Database;
  pii: PiiCipher;
  settings: SettingsStore;
  dataDir: string;
}

/** The materials subsystem. Contract-first commit: the store lands next (every call says not available until then). */
export function createMaterials(_d: MaterialsDeps): Subsystem<MaterialsService> {
  const notYet = async (): Promise<never> => {
    throw new AppError('NOT_AVAILABLE', '材料电子化尚未完成（not available yet）。');
  };
  return {
    service: {
      stagePage: notYet,
      listDraft: notYet,
      reorderPages: notYet,
      deletePage: notYet,
      rotatePage: notYet,
      cropPage: notYet,
      discardDraft: notYet,
      caseFiles: notYet,
      pageTicket: notYet,
      fileTicket: notYet,
      exportFile: notYet,
      readTicket: async () => null,
      prepareDraft: notYet,
      finishDraft: async () => undefined,
      blobs: { listPendingUploads: notYet, readBlob: notYet, openReadStream: notYet, markBlobUploaded: notYet, deleteLocalIfAllowed: notYet },
    },
    close: () => undefined,
  };
}
