import type { MethodOutput } from '../../common/contract';
import type { Crop, PageMime, PageSource, Rotation } from '../../common/contract/materials';
import type { MaterialBlobStore } from './blob-store';

/** A file a ticket reads: unsealed bytes for one authorised caller (host /files/, Electron yichuang-file:). */
export interface TicketFile {
  mime: string;
  fileName: string;
  bytes: Buffer;
}

export interface StageRequest {
  draftId: string;
  materialCode: string;
  mime: PageMime;
  source: PageSource;
  fileName?: string;
  position?: number;
  crop?: Crop;
  clerkId: string;
}

export type SlotView = MethodOutput<'materials.reorderPages'>;
export type PageView = MethodOutput<'materials.rotatePage'>;
export type CaseFiles = MethodOutput<'materials.caseFiles'>;
export type FileTicketView = MethodOutput<'materials.openFile'>;
export type ExportView = MethodOutput<'materials.export'>;

/** The materials subsystem (main/materials/module.ts): staging, case files, tickets, the blob store. */
export interface MaterialsService {
  stagePage(req: StageRequest, bytes: Uint8Array): Promise<{ page: PageView; slot: SlotView }>;
  listDraft(draftId: string): Promise<SlotView[]>;
  reorderPages(draftId: string, materialCode: string, pageIds: string[]): Promise<SlotView>;
  deletePage(draftId: string, pageId: string): Promise<SlotView>;
  rotatePage(draftId: string, pageId: string, rotation: Rotation): Promise<PageView>;
  cropPage(draftId: string, pageId: string, crop: Crop | null): Promise<PageView>;
  discardDraft(draftId: string): Promise<number>;
  caseFiles(caseId: string): Promise<CaseFiles>;
  /** Issue a ticket for a staged part / a case's PDF (the caller's rights are checked by the handler). */
  pageTicket(draftId: string, pageId: string): Promise<FileTicketView>;
  fileTicket(caseId: string, sha256: string, staffId: string): Promise<FileTicketView>;
  exportFile(caseId: string, materialCode: string, staffId: string): Promise<ExportView & { bytes: Buffer }>;
  /** Redeem a ticket (transports); null when unknown or expired. */
  readTicket(ticket: string): Promise<TicketFile | null>;
  /**
   * Before a decision's transaction: assemble each slot of the draft named in `slots` into one PDF
   * and store it sealed (content-addressed, idempotent). Nothing is linked yet: `linkFiles` does
   * that inside the decision's transaction (main/materials/linking.ts).
   */
  prepareDraft(draftId: string, slots: readonly SlotRef[]): Promise<PreparedFile[]>;
  /** After the decision committed: the draft's staged pages are no longer needed. */
  finishDraft(draftId: string): Promise<void>;
  blobs: MaterialBlobStore;
}

/** A case's material and the staged slot its pages are in (the same, except for a bundle's merged material). */
export interface SlotRef {
  code: string;
  slot: string;
}

/** One material's assembled PDF, stored and ready to link. */
export interface PreparedFile {
  materialCode: string;
  sha256: string;
  size: number;
  /** Bytes of the sealed file on disk. */
  sealedSize: number;
  pages: number;
}
