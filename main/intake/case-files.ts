import { AppError } from '../../common/contract/errors';
import type { CaseMaterialFile } from '../../common/sync/entries';
import type { Logger } from '../../platform/log/logger';
import type { MaterialsService, PreparedFile, SlotRef } from '../materials/service';

/** The materials step of a decision or a supplement (issue 16): store before the transaction, tidy after it. */
export class CaseFilesStep {
  constructor(
    private readonly materials: MaterialsService | undefined,
    private readonly log: Logger | undefined,
    private readonly onCommitted: (() => void) | undefined = undefined,
  ) {}

  /**
   * Each slot of the draft whose material is received here (收取 or 电子证照) as one stored PDF,
   * before the transaction: acceptance never waits on an upload, only on assembling local files.
   * Slots of other materials (容缺, 未提供, another item) are not linked and stay staged.
   */
  async prepare(draftId: string | undefined, slots: SlotRef[]): Promise<PreparedFile[]> {
    if (!draftId || slots.length === 0) return [];
    if (!this.materials) throw new AppError('NOT_AVAILABLE', '材料电子化不可用：本窗口程序未启用材料存储。');
    return this.materials.prepareDraft(draftId, slots);
  }

  /** After the commit: the staged pages are in the case's files now; failing here loses nothing (the start-up sweep drops them later). */
  async finish(draftId: string | undefined): Promise<void> {
    if (!draftId || !this.materials) return;
    this.onCommitted?.();
    await this.materials.finishDraft(draftId).catch((err) => this.log?.error({ err }, 'staged pages not removed after the decision'));
  }
}

/** Prepared files as the entry payload's `files` per material code. */
export function filesByCode(files: readonly PreparedFile[], at: string): Map<string, CaseMaterialFile[]> {
  const out = new Map<string, CaseMaterialFile[]>();
  for (const f of files) out.set(f.materialCode, [...(out.get(f.materialCode) ?? []), { sha256: f.sha256, size: f.size, pages: f.pages, via: 'intake', linkedAt: at }]);
  return out;
}
