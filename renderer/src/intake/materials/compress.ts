import type { PageMime } from '../../../../common/contract/materials';
import { PAGE_TARGET } from '../../../../common/contract/page-limits';

export interface CompressedPage {
  bytes: Uint8Array;
  mime: PageMime;
  width: number | null;
  height: number | null;
}

/** The size a page image is scaled to: within 200 dpi A4 (PAGE_TARGET) whichever way it lies, never enlarged. */
export function targetSize(width: number, height: number): { width: number; height: number } {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const scale = Math.min(1, PAGE_TARGET.maxLongEdgePx / long, PAGE_TARGET.maxShortEdgePx / short);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A page as stored: JPEG at PAGE_TARGET quality, scaled to the target (Chromium's encoder, fast and
 * native). A JPEG already within the target is kept as is (no second generation loss); a PDF is
 * kept whole. The capture UI passes camera frames here too (a canvas or an ImageBitmap as a Blob).
 */
export async function compressPage(file: Blob): Promise<CompressedPage> {
  if (file.type === 'application/pdf') return { bytes: new Uint8Array(await file.arrayBuffer()), mime: 'application/pdf', width: null, height: null };
  const bitmap = await createImageBitmap(file);
  try {
    const size = targetSize(bitmap.width, bitmap.height);
    if (file.type === 'image/jpeg' && size.width === bitmap.width && size.height === bitmap.height)
      return { bytes: new Uint8Array(await file.arrayBuffer()), mime: 'image/jpeg', ...size };
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas unavailable');
    ctx.fillStyle = '#fff'; // a transparent PNG becomes a white page, not a black one
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const out = await canvas.convertToBlob({ type: PAGE_TARGET.format, quality: PAGE_TARGET.quality });
    return { bytes: new Uint8Array(await out.arrayBuffer()), mime: 'image/jpeg', ...size };
  } finally {
    bitmap.close();
  }
}
