import type { Crop } from './edges';

/** Clockwise quarter turns, as the materials contract stores them (metadata applied at assembly). */
export type Rotation = 0 | 90 | 180 | 270;

export interface Size {
  width: number;
  height: number;
}

/** The next quarter turn clockwise. */
export const rotateClockwise = (r: Rotation): Rotation => (((r + 90) % 360) as Rotation);

/** The size a page shows at after its crop and rotation. */
export function shownSize(image: Size, crop: Crop | null, rotation: Rotation): Size {
  const w = Math.round(image.width * (crop?.w ?? 1));
  const h = Math.round(image.height * (crop?.h ?? 1));
  return rotation % 180 ? { width: h, height: w } : { width: w, height: h };
}

/**
 * How far to scale a captured frame before encoding, so the part that will be kept (the crop) is
 * at most the documented target: A4 at 200 dpi, long edge ≤ maxLong, short edge ≤ maxShort px. Never
 * enlarges (a camera's pixels are all there is).
 */
export function targetScale(frame: Size, crop: Crop | null, target: { maxLongEdgePx: number; maxShortEdgePx: number }): number {
  const w = frame.width * (crop?.w ?? 1);
  const h = frame.height * (crop?.h ?? 1);
  const long = Math.max(w, h);
  const short = Math.min(w, h);
  return Math.min(1, target.maxLongEdgePx / long, target.maxShortEdgePx / short);
}

/** CSS `object-view-box` inset for a crop (the thumbnail shows the crop without re-encoding). */
export function cropInset(crop: Crop | null): string {
  if (!crop) return 'none';
  const pct = (v: number) => `${+(v * 100).toFixed(3)}%`;
  return `inset(${pct(crop.y)} ${pct(1 - crop.x - crop.w)} ${pct(1 - crop.y - crop.h)} ${pct(crop.x)})`;
}

/** Moves the item at `from` by `delta` places (clamped); returns a new array. */
export function moved<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, from + delta));
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** "1.2 MB", "830 KB": page and slot sizes as clerks read them. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}
