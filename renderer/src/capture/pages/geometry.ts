import type { Crop } from './edges';
import type { Rotation } from '../../../../common/contract/materials';

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
