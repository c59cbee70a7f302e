import { BUILT_IN_PAD_MODELS } from '../native/signature-pad/pad-models';
import { SAMPLE_SIGNATURE, simulateSignature, type TimedReport } from '../native/signature-pad/simulator';
import { StrokeAssembler } from '../native/signature-pad/stroke-assembler';
import { percentile } from './stats';
import type { Bench, BenchResult } from './types';

/** Parse throughput (reports/s) of the table-driven parser against a hard-coded reader of the same layout, same run. */
function parseThroughput(): BenchResult {
  const model = BUILT_IN_PAD_MODELS.find((m) => m.key === 'generic-hid-digitizer')!;
  const one = simulateSignature(model, SAMPLE_SIGNATURE, { samplesPerSegment: 40, finish: 'confirm' });
  const reports: TimedReport[] = [];
  for (let i = 0; reports.length < 200_000; i++) for (const r of one) reports.push({ at: r.at + i * 10_000, report: r.report });
  const rounds = 5;
  const ours: number[] = [];
  const floor: number[] = [];
  let strokes = 0;
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    const asm = new StrokeAssembler(model);
    for (const r of reports) asm.push(r.report, r.at);
    ours.push(performance.now() - t);
    strokes = asm.counters.strokes;
    // Floor: the same layout with its offsets written into the code, points into arrays, pen up ends them.
    t = performance.now();
    let current: Array<{ x: number; y: number; pressure: number; t: number }> = [];
    let naive = 0;
    for (const { report: b, at } of reports) {
      if (b[0] !== 2 || b.length < 8) continue;
      if (b[1]! & 1) current.push({ x: (b[2]! | (b[3]! << 8)) / 32767, y: (b[4]! | (b[5]! << 8)) / 32767, pressure: (b[6]! | (b[7]! << 8)) / 1023, t: at });
      else if (current.length) {
        naive++;
        current = [];
      }
    }
    floor.push(performance.now() - t);
    if (naive !== strokes) throw new Error(`floor saw ${naive} strokes, the parser ${strokes}`);
  }
  const oursMs = percentile(ours, 50);
  const floorMs = percentile(floor, 50);
  const perS = reports.length / (oursMs / 1000);
  return {
    bench: 'signature-pad-parse',
    ratio: oursMs / floorMs,
    baseline: 'a hard-coded reader of the same generic layout into point arrays (same run, same reports)',
    goal: 'headroom_vs_200hz ≫ 1 (a pad sends 200 reports/s); ratio is the price of the data-driven table',
    reports: reports.length,
    strokes,
    ours_ms: oursMs,
    floor_ms: floorMs,
    reports_per_s: perS,
    headroom_vs_200hz: perS / 200,
  };
}

export const bench: Bench = {
  name: 'signature-pad',
  async run() {
    return [parseThroughput()];
  },
};
