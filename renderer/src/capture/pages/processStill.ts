import { PAGE_TARGET } from '../../../../common/contract/page-limits';
import { targetSize } from '../../intake/materials/compress';
import type { Still } from '../camera/DocumentCamera';
import { findDocumentBox, rgbaToGrey, type Crop } from './edges';

/** The grey copy edge detection looks at: ~200 px wide is plenty for a bounding box and costs ~1 ms. */
const DETECT_WIDTH = 200;

export interface ProcessedPage {
  jpeg: Blob;
  width: number;
  height: number;
  /** The detected page, as the default crop (fractions of this image); null: keep the whole frame. */
  crop: Crop | null;
}

/**
 * A captured frame → the page to store: find the page's rectangle on a small grey copy, scale the
 * frame to the materials target (PAGE_TARGET: A4 at 200 dpi, never enlarged) and encode it as JPEG at
 * its quality, once: compressPage then keeps it as is. The crop stays metadata (the PDF's crop
 * box at assembly), so the clerk can undo it.
 */
export async function processStill(still: Still): Promise<ProcessedPage> {
  const crop = detectPage(still.image);
  const { width, height } = targetSize(still.width, still.height);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(still.image, 0, 0, width, height);
  const jpeg = await canvas.convertToBlob({ type: PAGE_TARGET.format, quality: PAGE_TARGET.quality });
  return { jpeg, width, height, crop };
}

export function detectPage(image: ImageBitmap, w = image.width, h = image.height): Crop | null {
  const sw = DETECT_WIDTH;
  const sh = Math.max(8, Math.round((h * sw) / w));
  const small = new OffscreenCanvas(sw, sh);
  const ctx = small.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(image, 0, 0, sw, sh);
  const grey = rgbaToGrey(ctx.getImageData(0, 0, sw, sh).data);
  return findDocumentBox(grey, sw, sh);
}
