import type { PadModel } from './pad-models';
import { parsePadReport } from './pen-report';
import type { PadKey, PenPoint, SignaturePadEvents } from './types';

/** One thing the pad said, in the order it said it. */
export type PadOutput = { [K in keyof SignaturePadEvents]: { type: K } & SignaturePadEvents[K] }[keyof SignaturePadEvents];

export interface PadCounters {
  /** Every report received. */
  reports: number;
  points: number;
  strokes: number;
  /** Reports of the model's ids that could not be read (too short, empty): dropped. */
  dropped: number;
  /** Reports of ids the model does not describe: not ours, skipped. */
  ignored: number;
  /** Values of touching samples outside the model's logical range, clamped to the edge. */
  clamped: number;
}

/** Longest stroke kept as one: a pen held down for minutes is split, so memory stays bounded. */
export const MAX_STROKE_POINTS = 10_000;

/**
 * HID reports → strokes and key presses: pen down starts a stroke, each touching sample adds a point,
 * pen up (or leaving range) ends it. A key acts on its press, not while held. `t` counts from the
 * first point after open or after the last 确认 / 重签 / 取消. Never throws on bad input.
 */
export class StrokeAssembler {
  readonly counters: PadCounters = { reports: 0, points: 0, strokes: 0, dropped: 0, ignored: 0, clamped: 0 };
  /** Why the last dropped report was dropped (diagnostics). */
  lastDropReason: string | null = null;
  private current: PenPoint[] = [];
  private origin: number | null = null;
  private held: ReadonlySet<PadKey> = new Set();

  constructor(
    readonly model: PadModel,
    private readonly maxPoints = MAX_STROKE_POINTS,
  ) {}

  /** One report received at `at` (ms, any monotonic clock) → what it completes (often nothing). */
  push(report: Uint8Array, at: number): PadOutput[] {
    this.counters.reports++;
    const parsed = parsePadReport(report, this.model);
    if (parsed === null) {
      this.counters.ignored++;
      return [];
    }
    if (parsed.kind === 'malformed') {
      this.counters.dropped++;
      this.lastDropReason = parsed.reason;
      return [];
    }
    const out: PadOutput[] = [];
    if (parsed.kind === 'pen') {
      if (parsed.down) {
        this.counters.clamped += parsed.clamped; // where a hovering pen is does not matter
        this.addPoint(parsed, at, out);
      } else this.endStroke(out);
      if (parsed.keys) this.keys(parsed.keys, out);
    } else this.keys(parsed.down, out);
    return out;
  }

  /** The link ended: hand over a stroke still being drawn (its points were really drawn). */
  flush(): PadOutput[] {
    const out: PadOutput[] = [];
    this.endStroke(out);
    return out;
  }

  private addPoint(s: { x: number; y: number; pressure: number }, at: number, out: PadOutput[]): void {
    this.origin ??= at;
    const last = this.current.at(-1);
    // A pen resting still repeats its sample at the report rate: one point is enough.
    if (last && last.x === s.x && last.y === s.y && last.pressure === s.pressure) return;
    this.current.push({ x: s.x, y: s.y, pressure: s.pressure, t: Math.round(at - this.origin) });
    this.counters.points++;
    if (this.current.length >= this.maxPoints) {
      const carry = this.current.at(-1)!;
      this.endStroke(out);
      this.current = [carry]; // the next part starts where this one stopped: no gap in the ink
    }
  }

  private endStroke(out: PadOutput[]): void {
    if (this.current.length === 0) return;
    out.push({ type: 'stroke', points: this.current });
    this.counters.strokes++;
    this.current = [];
  }

  private keys(down: ReadonlySet<PadKey>, out: PadOutput[]): void {
    for (const key of down) {
      if (this.held.has(key)) continue;
      if (key === 'confirm') this.endStroke(out);
      else this.current = []; // 重签 / 取消: the half-drawn stroke goes with the rest
      out.push({ type: key });
      this.origin = null;
    }
    this.held = down;
  }
}
