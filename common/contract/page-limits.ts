// The limits of material pages (materials.ts re-exports them): plain constants without zod, so
// the renderer's first screen and the loopback host use them without evaluating any contract.

/** Largest page (one image or one PDF file) a bytes call may carry. */
export const PAGE_MAX_BYTES = 25 * 1024 * 1024;

/**
 * The compression target for page images (docs: DOMAIN.md 材料电子化): JPEG, quality 0.8, at most
 * 200 dpi for A4 (1654 × 2339 px, long edge 2339 px). The renderer encodes (Chromium's encoder,
 * renderer/src/intake/materials/compress.ts); main stores what it gets and refuses non-images.
 */
export const PAGE_TARGET = { format: 'image/jpeg', quality: 0.8, dpi: 200, maxLongEdgePx: 2339, maxShortEdgePx: 1654 } as const;

/** Methods whose call carries bytes beside the JSON input, and the most bytes each takes. */
export const BYTES_METHODS = { 'materials.stagePage': PAGE_MAX_BYTES } as const;
export type BytesMethodName = keyof typeof BYTES_METHODS;

export function bytesLimitOf(method: unknown): number | null {
  return typeof method === 'string' && Object.hasOwn(BYTES_METHODS, method) ? BYTES_METHODS[method as BytesMethodName] : null;
}

/** The message when a page is over PAGE_MAX_BYTES (router, host and renderer say the same). */
export const PAGE_TOO_LARGE_MESSAGE = `文件过大：单个文件最多 ${PAGE_MAX_BYTES / 1024 / 1024} MB。请拆分 PDF 或降低扫描分辨率后重试。`;
