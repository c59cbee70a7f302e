import type { MethodOutput } from '../../../../common/contract';
import type { PageSource, SlotView } from '../../../../common/contract/materials';
import { PAGE_MAX_BYTES, PAGE_TOO_LARGE_MESSAGE } from '../../../../common/contract/page-limits';
import { ApiCallError, callBytes } from '../../bridge';
import type { Crop } from '../../../../common/contract/materials';
import { compressPage, type CompressedPage } from './compress';

export type StageResult = MethodOutput<'materials.stagePage'>;

/** The file types a slot takes (the file picker's `accept`). */
export const PAGE_ACCEPT = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';

/**
 * Stage one file or camera frame into a slot: compress (images) and send the bytes on the bytes
 * path. The one way pages enter, for the file button here and the camera / scanner capture UI.
 */
export async function stagePage(draftId: string, materialCode: string, file: Blob, source: PageSource, fileName?: string, position?: number): Promise<StageResult> {
  if (!['image/jpeg', 'image/png', 'application/pdf'].includes(file.type))
    throw new ApiCallError({ code: 'INVALID_INPUT', message: '只能添加 JPG、PNG 图片或 PDF 文件。' });
  return stageCompressed(draftId, materialCode, await compressPage(file), source, { ...(fileName ? { fileName } : {}), ...(position !== undefined ? { position } : {}) });
}

/** A page already at the target (the camera window encodes its frames itself): sent as is, with its crop if any. */
export async function stageCompressed(draftId: string, materialCode: string, page: CompressedPage, source: PageSource, opts: { fileName?: string; position?: number; crop?: Crop } = {}): Promise<StageResult> {
  if (page.bytes.byteLength > PAGE_MAX_BYTES) throw new ApiCallError({ code: 'TOO_LARGE', message: PAGE_TOO_LARGE_MESSAGE });
  return callBytes('materials.stagePage', { draftId, materialCode, mime: page.mime, source, ...opts }, page.bytes);
}

/**
 * The seam for the capture UI (camera, reorder, rotate, crop): a slot's pages and the calls that
 * change them. MaterialSlotFiles renders the minimal view; a richer editor takes the same props.
 */
export interface SlotEditorProps {
  draftId: string;
  materialCode: string;
  materialName: string;
  /** The slot as main last returned it (undefined: no pages yet). */
  slot: SlotView | undefined;
  /** Every change returns the slot from main: pass it here. */
  onSlotChange(slot: SlotView): void;
  disabled?: boolean;
}
