/**
 * Cheap automatic edge detection (pure; runs on a downscaled grey copy of the frame, ~200 px wide):
 * a document camera looks down at a light page on a darker desk, so a global Otsu threshold
 * separates page from desk; the page is the largest bright connected region, and its bounding
 * rectangle is the default crop. Only a rectangle: no perspective correction (a 高拍仪's arm holds
 * the lens square above the desk).
 */
export interface Crop {
  /** Fractions of the unrotated frame: 0 ≤ x, y; x + w ≤ 1; y + h ≤ 1. */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Otsu's threshold of a grey image: the level that best splits it into two classes. */
export function otsuThreshold(grey: Uint8Array): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of grey) hist[v]!++;
  const total = grey.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best;
}

/**
 * The bounding box of the page, or null when none stands out (no desk visible, nothing bright, or
 * a region too small to be a page): the caller then keeps the whole frame.
 */
export function findDocumentBox(grey: Uint8Array, width: number, height: number, opts: { minArea?: number; maxArea?: number } = {}): Crop | null {
  if (grey.length !== width * height || width < 8 || height < 8) return null;
  const t = otsuThreshold(grey);
  // A frame of one tone (a blank desk, a page filling the view) has no real split.
  let lo = 255;
  let hi = 0;
  for (const v of grey) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < 40) return null;
  const bright = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) bright[i] = grey[i]! > t ? 1 : 0;
  const box = largestRegionBox(bright, width, height);
  if (!box) return null;
  const area = (box.w * box.h) / (width * height);
  if (area < (opts.minArea ?? 0.1) || area > (opts.maxArea ?? 0.97)) return null;
  // One pixel of margin at the small scale, so the crop never cuts into the page's edge.
  const x0 = Math.max(0, box.x - 1);
  const y0 = Math.max(0, box.y - 1);
  const x1 = Math.min(width, box.x + box.w + 1);
  const y1 = Math.min(height, box.y + box.h + 1);
  return { x: x0 / width, y: y0 / height, w: (x1 - x0) / width, h: (y1 - y0) / height };
}

/** Bounding box of the largest 4-connected region of ones (iterative flood fill, no recursion). */
function largestRegionBox(mask: Uint8Array, width: number, height: number): { x: number; y: number; w: number; h: number; size: number } | null {
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let best: { x: number; y: number; w: number; h: number; size: number } | null = null;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let size = 0;
    let minX = width;
    let minY = height;
    let maxX = 0;
    let maxY = 0;
    while (top) {
      const i = stack[--top]!;
      size++;
      const x = i % width;
      const y = (i - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      const push = (j: number) => {
        if (mask[j] && !seen[j]) {
          seen[j] = 1;
          stack[top++] = j;
        }
      };
      if (x > 0) push(i - 1);
      if (x < width - 1) push(i + 1);
      if (y > 0) push(i - width);
      if (y < height - 1) push(i + width);
    }
    if (!best || size > best.size) best = { x: minX, y: minY, w: maxX - minX + 1, h: maxY - minY + 1, size };
  }
  return best;
}

/** RGBA (canvas ImageData) → grey, Rec. 601 luma. */
export function rgbaToGrey(rgba: Uint8ClampedArray | Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba.length / 4);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) out[j] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
  return out;
}
