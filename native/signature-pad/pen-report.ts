import type { PadBit, PadField, PadKeySpec, PadModel } from './pad-models';
import type { PadKey } from './types';

/** One pen sample, normalised: x, y, pressure in 0..1 of the pad's active area and pressure range. */
export interface PenSample {
  kind: 'pen';
  x: number;
  y: number;
  pressure: number;
  /** The pen touches the surface (a point of a stroke). */
  down: boolean;
  inRange: boolean;
  /** How many of x, y, pressure were outside the model's logical range (and clamped). */
  clamped: number;
  /** Keys held, for a pad that sends its key bits in the pen report (same report id). */
  keys?: ReadonlySet<PadKey>;
}

/** The keys held down in one key report. */
export interface KeyState {
  kind: 'keys';
  down: ReadonlySet<PadKey>;
}

/** A report of one of the model's ids that cannot be read (too short): dropped and counted. */
export interface MalformedReport {
  kind: 'malformed';
  reason: string;
}

export type PadReport = PenSample | KeyState | MalformedReport;

/**
 * One HID input report → what it says, per the model's layout. Null for report ids the model does
 * not describe (status, vendor reports). Never throws: a short report is `malformed`.
 */
export function parsePadReport(report: Uint8Array, model: PadModel): PadReport | null {
  if (report.length === 0) return { kind: 'malformed', reason: '空报告' };
  const pen = model.pen;
  const isPen = matches(report, pen.reportId);
  const buttons = model.buttons;
  const isKeys = buttons !== null && matches(report, buttons.reportId);
  if (!isPen && !isKeys) return null;
  if (isPen) {
    if (report.length < pen.minLength) return { kind: 'malformed', reason: `笔报告过短（${report.length} 字节，至少 ${pen.minLength} 字节）` };
    const sample = readPen(report, model);
    // A pad that sends its key bits in the pen report (same id): the sample carries them.
    if (isKeys && report.length >= buttons.minLength) sample.keys = readKeys(report, buttons.keys);
    return sample;
  }
  if (report.length < buttons!.minLength) return { kind: 'malformed', reason: `按键报告过短（${report.length} 字节，至少 ${buttons!.minLength} 字节）` };
  return { kind: 'keys', down: readKeys(report, buttons!.keys) };
}

function matches(report: Uint8Array, reportId: number | null): boolean {
  return reportId === null || report[0] === reportId;
}

function readPen(report: Uint8Array, model: PadModel): PenSample {
  const pen = model.pen;
  const x = normalise(report, pen.x);
  const y = normalise(report, pen.y);
  const p = pen.pressure ? normalise(report, pen.pressure) : null;
  const inRange = pen.inRange ? bit(report, pen.inRange) : true;
  const touching = pen.tipSwitch ? bit(report, pen.tipSwitch) : p !== null && p.raw > (pen.tipPressure ?? 0);
  const down = inRange && touching;
  return {
    kind: 'pen',
    x: x.value,
    y: y.value,
    pressure: p ? p.value : down ? 1 : 0,
    down,
    inRange,
    clamped: x.clamped + y.clamped + (p?.clamped ?? 0),
  };
}

function readKeys(report: Uint8Array, keys: Partial<Record<PadKey, PadKeySpec>>): Set<PadKey> {
  const down = new Set<PadKey>();
  for (const [key, spec] of Object.entries(keys) as Array<[PadKey, PadKeySpec]>) {
    const byte = report[spec.byte] ?? 0;
    if (spec.bit !== undefined ? (byte >> spec.bit) & 1 : byte === spec.value) down.add(key);
  }
  return down;
}

function bit(report: Uint8Array, b: PadBit): boolean {
  return (((report[b.byte] ?? 0) >> b.bit) & 1) === 1;
}

export function readUnsigned(report: Uint8Array, f: Pick<PadField, 'offset' | 'size' | 'endian' | 'mask'>): number {
  let v = 0;
  for (let i = 0; i < f.size; i++) {
    const b = report[f.endian === 'little' ? f.offset + f.size - 1 - i : f.offset + i]!;
    v = v * 256 + b;
  }
  return f.mask !== undefined ? (v & f.mask) >>> 0 : v;
}

function normalise(report: Uint8Array, f: PadField): { raw: number; value: number; clamped: number } {
  const raw = readUnsigned(report, f);
  const min = f.min ?? 0;
  let value = (raw - min) / (f.max - min);
  let clamped = 0;
  if (value < 0 || value > 1) {
    value = Math.min(1, Math.max(0, value));
    clamped = 1;
  }
  return { raw, value: f.invert ? 1 - value : value, clamped };
}
