import type { PadBit, PadField, PadModel } from './pad-models';
import type { PadKey } from './types';

/** A report as a pad sends it, with when it arrives (ms from the first report). */
export interface TimedReport {
  at: number;
  report: Uint8Array;
}

export interface PenState {
  x: number;
  y: number;
  pressure: number;
  down: boolean;
  inRange?: boolean;
}

/** 王 in four strokes, in 0..1 of the pad (a surname; each stroke a polyline). */
export const SAMPLE_SIGNATURE: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [
  [[0.2, 0.2], [0.5, 0.19], [0.8, 0.2]],
  [[0.25, 0.5], [0.75, 0.5]],
  [[0.5, 0.2], [0.5, 0.5], [0.51, 0.8]],
  [[0.15, 0.8], [0.5, 0.79], [0.85, 0.81]],
];

export interface SimulateOptions {
  /** Report rate (STU pads: 200 per second). */
  rateHz?: number;
  /** Samples per polyline segment while the pen touches. */
  samplesPerSegment?: number;
  /** Pen-up time between strokes (ms). */
  gapMs?: number;
  /** A key pressed after the last stroke (press and release reports), when the model has it. */
  finish?: PadKey | null;
}

/** The pen report of one pen state, laid out per the model (the inverse of parsePadReport). */
export function encodePenReport(model: PadModel, s: PenState): Uint8Array {
  const pen = model.pen;
  const r = new Uint8Array(pen.minLength);
  if (pen.reportId !== null) r[0] = pen.reportId;
  writeField(r, pen.x, s.x);
  writeField(r, pen.y, s.y);
  if (pen.pressure) writeField(r, pen.pressure, s.down ? s.pressure : 0);
  if (pen.tipSwitch && s.down) setBit(r, pen.tipSwitch);
  if (pen.inRange && (s.inRange ?? true)) setBit(r, pen.inRange);
  return r;
}

/** The key report with these keys held (none: all released). Null when the model has no such keys. */
export function encodeKeyReport(model: PadModel, keys: readonly PadKey[]): Uint8Array | null {
  const buttons = model.buttons;
  if (!buttons || keys.some((k) => !buttons.keys[k])) return null;
  const r = new Uint8Array(buttons.minLength);
  if (buttons.reportId !== null) r[0] = buttons.reportId;
  for (const k of keys) {
    const spec = buttons.keys[k]!;
    if (spec.bit !== undefined) r[spec.byte]! |= 1 << spec.bit;
    else r[spec.byte] = spec.value!;
  }
  return r;
}

/**
 * The reports a pad of this model sends while someone writes `strokes`: hover, touching samples
 * along each polyline with a pressure swell, pen up, and optionally a key press at the end. Used by
 * tests and `yichuang simulate signature-pad`.
 */
export function simulateSignature(
  model: PadModel,
  strokes: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = SAMPLE_SIGNATURE,
  opts: SimulateOptions = {},
): TimedReport[] {
  const period = 1000 / (opts.rateHz ?? 200);
  const perSegment = opts.samplesPerSegment ?? 12;
  const out: TimedReport[] = [];
  let at = 0;
  const send = (report: Uint8Array, after = period) => {
    out.push({ at: Math.round(at), report });
    at += after;
  };
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0]!;
    send(encodePenReport(model, { x: x0, y: y0, pressure: 0, down: false }));
    const samples = along(stroke, perSegment);
    samples.forEach(([x, y], i) => {
      const pressure = 0.35 + 0.45 * Math.sin((Math.PI * (i + 0.5)) / samples.length);
      send(encodePenReport(model, { x, y, pressure, down: true }));
    });
    const [x1, y1] = stroke.at(-1)!;
    send(encodePenReport(model, { x: x1, y: y1, pressure: 0, down: false }), opts.gapMs ?? 120);
  }
  const key = opts.finish ?? null;
  const press = key ? encodeKeyReport(model, [key]) : null;
  if (press) {
    send(press, 80);
    send(encodeKeyReport(model, [])!);
  }
  return out;
}

/** Points along a polyline: `perSegment` per segment, both ends included. */
function along(stroke: ReadonlyArray<readonly [number, number]>, perSegment: number): Array<[number, number]> {
  const pts: Array<[number, number]> = [[stroke[0]![0], stroke[0]![1]]];
  for (let i = 1; i < stroke.length; i++) {
    const [ax, ay] = stroke[i - 1]!;
    const [bx, by] = stroke[i]!;
    for (let k = 1; k <= perSegment; k++) pts.push([ax + ((bx - ax) * k) / perSegment, ay + ((by - ay) * k) / perSegment]);
  }
  return pts;
}

function writeField(r: Uint8Array, f: PadField, value: number): void {
  const min = f.min ?? 0;
  const v = Math.min(1, Math.max(0, f.invert ? 1 - value : value));
  let raw = Math.round(min + v * (f.max - min));
  for (let i = 0; i < f.size; i++) {
    const index = f.endian === 'little' ? f.offset + i : f.offset + f.size - 1 - i;
    r[index]! |= raw & 0xff;
    raw = Math.floor(raw / 256);
  }
}

function setBit(r: Uint8Array, b: PadBit): void {
  r[b.byte]! |= 1 << b.bit;
}
