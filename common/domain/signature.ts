import { z } from 'zod';

/**
 * A handwritten signature as the applicant drew it, one format for every pen: the on-screen canvas
 * (pointer events with pressure) and a HID signature pad (native/signature-pad) both produce it.
 * Coordinates are fractions of the drawing area so the pad's resolution does not matter.
 */
export const PenPoint = z.object({
  /** 0 = left edge, 1 = right edge of the pad area. */
  x: z.number().min(0).max(1),
  /** 0 = top edge, 1 = bottom edge. */
  y: z.number().min(0).max(1),
  /** 0..1; a pen without pressure reports 0.5. */
  pressure: z.number().min(0).max(1),
  /** Milliseconds since the first stroke of the signature began. */
  t: z.number().min(0).max(600_000),
});
export type PenPoint = z.infer<typeof PenPoint>;

/** Limits that keep a signature well under the router's input limit (about 40 bytes a point). */
export const MAX_STROKES = 200;
export const MAX_POINTS_PER_STROKE = 2000;
export const MAX_POINTS = 10_000;

export const Stroke = z.object({ points: z.array(PenPoint).min(1).max(MAX_POINTS_PER_STROKE) });
export type Stroke = z.infer<typeof Stroke>;

export const SignatureStrokes = z
  .array(Stroke)
  .min(1, '签名为空：请在签名区内书写后再确认。')
  .max(MAX_STROKES)
  .refine((strokes) => strokes.reduce((n, s) => n + s.points.length, 0) <= MAX_POINTS, '签名笔画过多，请清除后重签。');
export type SignatureStrokes = z.infer<typeof SignatureStrokes>;

/** Where the signature came from: the applicant screen's canvas or a HID signature pad. */
export const SIGNATURE_SOURCES = ['screen', 'pad'] as const;
export type SignatureSource = (typeof SIGNATURE_SOURCES)[number];

/** A signature too short to be one (a stray tap) is refused: at least this much ink. */
export function inkLength(strokes: readonly Stroke[]): number {
  let total = 0;
  for (const s of strokes)
    for (let i = 1; i < s.points.length; i++) total += Math.hypot(s.points[i]!.x - s.points[i - 1]!.x, s.points[i]!.y - s.points[i - 1]!.y);
  return total;
}
export const MIN_INK = 0.05;

/** Reasons offered when the applicant declines to sign (free text is also allowed). */
export const REFUSAL_REASONS = ['信息有误', '不同意受理内容', '不愿签名', '无法书写', '其他'] as const;
