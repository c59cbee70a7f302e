import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../scanner/recorded-hid-transport';
import { PAD_SEQUENCES } from './fixtures/pad-reports';
import { BUILT_IN_PAD_MODELS, type PadModel } from './pad-models';
import { parsePadReport, readUnsigned } from './pen-report';
import { encodeKeyReport, encodePenReport, SAMPLE_SIGNATURE, simulateSignature } from './simulator';
import { StrokeAssembler, type PadOutput } from './stroke-assembler';

const model = (key: string): PadModel => BUILT_IN_PAD_MODELS.find((m) => m.key === key)!;
const generic = model('generic-hid-digitizer');

function run(asm: StrokeAssembler, reports: Array<{ at: number; report: Uint8Array }>): PadOutput[] {
  return reports.flatMap((r) => asm.push(r.report, r.at));
}

describe('signature pad reports → strokes (each model of the table)', () => {
  it('has a report sequence for every model in the table', () => {
    expect(BUILT_IN_PAD_MODELS.map((m) => m.key).sort()).toEqual([...new Set(PAD_SEQUENCES.map((s) => s.model))].sort());
  });

  for (const seq of PAD_SEQUENCES) {
    it(`${seq.model}: ${seq.name}`, () => {
      const asm = new StrokeAssembler(model(seq.model));
      const out = run(asm, seq.reports.map((r) => ({ at: r.at, report: hexToBytes(r.hex) })));
      expect(out.filter((o) => o.type === 'stroke').map((o) => o.points)).toEqual(seq.strokes);
      expect(out.filter((o) => o.type !== 'stroke').map((o) => o.type)).toEqual(seq.keys ?? []);
      expect(asm.counters).toMatchObject({ dropped: 0, clamped: seq.clamped ?? 0, strokes: seq.strokes.length });
    });
  }
});

describe('bad input', () => {
  it('drops and counts short and empty reports, ignores unknown ids, and keeps drawing', () => {
    const asm = new StrokeAssembler(generic);
    const out = run(asm, [
      { at: 0, report: hexToBytes('02 21 00 10 00 10 00 01') },
      { at: 5, report: hexToBytes('02 21 00 20') }, // cut short
      { at: 6, report: new Uint8Array(0) },
      { at: 7, report: hexToBytes('03') }, // key report without its byte
      { at: 8, report: hexToBytes('09 FF FF FF FF FF FF FF') }, // not a report id of this model
      { at: 10, report: hexToBytes('02 21 00 30 00 30 00 01') },
      { at: 15, report: hexToBytes('02 20 00 30 00 30 00 00') },
    ]);
    expect(out).toEqual([
      {
        type: 'stroke',
        points: [
          { x: 0x1000 / 32767, y: 0x1000 / 32767, pressure: 256 / 1023, t: 0 },
          { x: 0x3000 / 32767, y: 0x3000 / 32767, pressure: 256 / 1023, t: 10 },
        ],
      },
    ]);
    expect(asm.counters).toMatchObject({ reports: 7, dropped: 3, ignored: 1, points: 2, strokes: 1 });
    expect(asm.lastDropReason).toBe('按键报告过短（1 字节，至少 2 字节）');
  });

  it('clamps values past the logical maximum and below the logical minimum', () => {
    const m: PadModel = { ...generic, pen: { ...generic.pen, x: { ...generic.pen.x, min: 100, max: 1100 } } };
    const low = parsePadReport(hexToBytes('02 21 0A 00 00 00 00 01'), m); // x 10 < 100
    const high = parsePadReport(hexToBytes('02 21 FF FF 00 00 00 04'), m); // x 65535, pressure 1024 > 1023
    expect(low).toMatchObject({ kind: 'pen', x: 0, clamped: 1 });
    expect(high).toMatchObject({ kind: 'pen', x: 1, pressure: 1, clamped: 2 });
  });

  it('reads fields little- and big-endian, 1 to 4 bytes, under a mask', () => {
    const r = hexToBytes('00 12 34 56 78');
    expect(readUnsigned(r, { offset: 1, size: 2, endian: 'little' })).toBe(0x3412);
    expect(readUnsigned(r, { offset: 1, size: 2, endian: 'big' })).toBe(0x1234);
    expect(readUnsigned(r, { offset: 1, size: 4, endian: 'big' })).toBe(0x12345678);
    expect(readUnsigned(hexToBytes('FF FF FF FF'), { offset: 0, size: 4, endian: 'big' })).toBe(0xffffffff);
    expect(readUnsigned(r, { offset: 1, size: 2, endian: 'big', mask: 0x0fff })).toBe(0x234);
    expect(readUnsigned(r, { offset: 4, size: 1, endian: 'big' })).toBe(0x78);
  });
});

describe('keys', () => {
  it('acts on the press edge: 确认 ends the stroke being drawn, 重签 and 取消 discard it', () => {
    const asm = new StrokeAssembler(generic);
    const down = (at: number, x: number) => ({ at, report: encodePenReport(generic, { x, y: 0.5, pressure: 0.5, down: true }) });
    const key = (at: number, ...keys: Array<'confirm' | 'clear' | 'cancel'>) => ({ at, report: encodeKeyReport(generic, keys)! });
    const out = run(asm, [
      down(0, 0.1),
      key(5, 'clear'), // 重签 while the pen is down: this half stroke is dropped
      key(10, 'clear'), // still held: nothing more
      key(15),
      down(100, 0.2), // a new signature: t from 0 again
      down(110, 0.3),
      key(120, 'confirm'),
      key(125, 'confirm', 'cancel'), // 取消 pressed while 确认 is still held
      key(130),
    ]);
    expect(out.map((o) => o.type)).toEqual(['clear', 'stroke', 'confirm', 'cancel']);
    const stroke = out[1] as Extract<PadOutput, { type: 'stroke' }>;
    expect(stroke.points.map((p) => p.t)).toEqual([0, 10]);
    expect(stroke.points[0]!.x).toBeCloseTo(0.2, 4);
  });

  it('reads keys sent in the pen report itself, and keys given as a code', () => {
    const m: PadModel = {
      ...generic,
      key: 'keys-in-pen-report',
      buttons: { reportId: 2, minLength: 8, keys: { confirm: { byte: 1, bit: 6 }, cancel: { byte: 1, value: 0x80 } } },
    };
    const asm = new StrokeAssembler(m);
    const out = run(asm, [
      { at: 0, report: hexToBytes('02 21 00 10 00 10 00 01') },
      { at: 5, report: hexToBytes('02 60 00 10 00 10 00 00') }, // tip up + 确认 bit in the same report
      { at: 9, report: hexToBytes('02 80 00 00 00 00 00 00') }, // byte 1 == 0x80: 取消
    ]);
    expect(out.map((o) => o.type)).toEqual(['stroke', 'confirm', 'cancel']);
  });

  it('without a key report in the model, the simulator sends no key and the parser ignores id 3', () => {
    const stu = model('wacom-stu-430');
    expect(encodeKeyReport(stu, ['confirm'])).toBeNull();
    expect(parsePadReport(hexToBytes('03 01'), stu)).toBeNull();
  });
});

describe('stroke bounds', () => {
  it('splits a stroke held past the point limit, without a gap, and keeps one point of a resting pen', () => {
    const asm = new StrokeAssembler(generic, 4);
    const reports = [0, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5].map((x, i) => ({ at: i * 5, report: encodePenReport(generic, { x, y: 0.5, pressure: 0.5, down: true }) }));
    const out = [...run(asm, reports), ...asm.flush()];
    const strokes = out.map((o) => (o as Extract<PadOutput, { type: 'stroke' }>).points.map((p) => Math.round(p.x * 10)));
    expect(strokes).toEqual([[0, 1, 2, 3], [3, 4, 5]]);
  });
});

describe('simulator', () => {
  for (const m of BUILT_IN_PAD_MODELS) {
    it(`${m.key}: the sample signature (王) comes back as its four strokes`, () => {
      const asm = new StrokeAssembler(m);
      const out = run(asm, simulateSignature(m, SAMPLE_SIGNATURE, { finish: 'confirm' }));
      const strokes = out.flatMap((o) => (o.type === 'stroke' ? [o.points] : []));
      expect(strokes).toHaveLength(SAMPLE_SIGNATURE.length);
      const tolerance = 1 / Math.min(m.pen.x.max, m.pen.y.max);
      strokes.forEach((points, i) => {
        const [x0, y0] = SAMPLE_SIGNATURE[i]![0]!;
        const [x1, y1] = SAMPLE_SIGNATURE[i]!.at(-1)!;
        expect(Math.abs(points[0]!.x - x0)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(points[0]!.y - y0)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(points.at(-1)!.x - x1)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(points.at(-1)!.y - y1)).toBeLessThanOrEqual(tolerance);
        expect(points.every((p) => p.pressure > 0.3 && p.pressure <= 0.81)).toBe(true);
      });
      const ts = strokes.flat().map((p) => p.t);
      expect(ts[0]).toBe(0);
      expect(ts.every((t, i) => i === 0 || t > ts[i - 1]!)).toBe(true);
      expect(out.at(-1)?.type).toBe(m.buttons?.keys.confirm ? 'confirm' : 'stroke');
      expect(asm.counters).toMatchObject({ dropped: 0, clamped: 0, ignored: 0 });
    });
  }
});
