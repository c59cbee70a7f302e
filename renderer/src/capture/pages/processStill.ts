import type { Still } from '../camera/DocumentCamera';
import { findDocumentBox, rgbaToGrey, type Crop } from './edges';
import { targetScale } from './geometry';
import { PAGE_TARGET } from './target';

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
 * frame so the part that will be kept meets the target (never up), encode as JPEG. The crop stays
 * metadata (the clerk may widen it again); the pixels outside it are kept at the same scale.
 */
export async function processStill(still: Still): Promise<ProcessedPage> {
  const crop = detectPage(still.image);
  const scale = targetScale(still, crop, PAGE_TARGET);
  const width = Math.max(1, Math.round(still.width * scale));
  const height = Math.max(1, Math.round(still.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(still.image, 0, 0, width, height);
  const jpeg = await canvas.convertToBlob({ type: PAGE_TARGET.format, quality: PAGE_TARGET.quality });
  return { jpeg, width, height, crop };
}

export function detectPage(image: ImageBitmap | HTMLVideoElement | HTMLImageElement, w = image.width, h = image.height): Crop | null {
  const sw = DETECT_WIDTH;
  const sh = Math.max(8, Math.round((h * sw) / w));
  const small = new OffscreenCanvas(sw, sh);
  const ctx = small.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(image, 0, 0, sw, sh);
  const grey = rgbaToGrey(ctx.getImageData(0, 0, sw, sh).data);
  return findDocumentBox(grey, sw, sh);
}
