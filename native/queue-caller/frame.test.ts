import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, encodeFrame, FrameDecoder, frameLength, type CallerFrame } from './frame';
import { answerFrame, calledFrame, commandFrame, FUNC, parseCommand, parseReport, STATUS, windowBytes, type HostCommand } from './messages';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase().replace(/(..)(?=.)/g, '$1 ');
const frames = (items: ReturnType<FrameDecoder['push']>) => items.flatMap((i) => ('frame' in i ? [i.frame] : []));
const errors = (items: ReturnType<FrameDecoder['push']>) => items.flatMap((i) => ('error' in i ? [i.error] : []));

describe('window caller frame', () => {
  it('encodes the documented example byte for byte (PROTOCOL.md: call next at address 3)', () => {
    // 68 + 03 + 01 = 6C
    expect(hex(encodeFrame({ addr: 3, func: 0x01, data: new Uint8Array(0) }))).toBe('FF 68 02 02 68 03 01 6C 16');
    const answer = encodeFrame(calledFrame(3, STATUS.ok, 4, { ticket: 'A023', queue: 'A', waiting: 4, waitedSec: 754 }));
    expect(hex(answer)).toBe('FF 68 0D 0D 68 03 81 00 00 04 02 F2 04 41 30 32 33 41 FF 16');
    expect(answer.length).toBe(frameLength(11));
  });

  it('reassembles frames cut at every possible place, with garbage between them', () => {
    const sample: CallerFrame[] = [
      { addr: 1, func: 0x81, data: Uint8Array.of(0, 0, 2, 0, 9, 4, 0x41, 0x30, 0x30, 0x31, 0x41) },
      { addr: 254, func: 0x40, data: Uint8Array.of(1) },
      { addr: 7, func: 0x88, data: Uint8Array.of(0, 1, 0, 0x68) }, // a 68 inside the data
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.uint8Array({ maxLength: 6 }).map((g) => g.map((b) => (b === 0x68 ? 0x00 : b))), { minLength: 7, maxLength: 7 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }),
        (order, garbage, cuts) => {
          const parts: Uint8Array[] = [];
          order.forEach((k, i) => parts.push(garbage[i]!, encodeFrame(sample[k]!)));
          const stream = Buffer.concat(parts);
          const d = new FrameDecoder();
          const got: CallerFrame[] = [];
          let at = 0;
          let c = 0;
          while (at < stream.length) {
            const n = cuts[c++ % cuts.length]!;
            got.push(...frames(d.push(stream.subarray(at, at + n))));
            at += n;
          }
          expect(got).toEqual(order.map((k) => sample[k]));
          expect(d.pending).toBe(0);
        },
      ),
    );
  });

  it('drops a frame with a bad checksum and still finds the next one', () => {
    const bad = encodeFrame({ addr: 3, func: 0x02, data: new TextEncoder().encode('A023') });
    bad[bad.length - 2] ^= 0x01;
    const good = encodeFrame({ addr: 3, func: 0x03, data: new TextEncoder().encode('A024') });
    const d = new FrameDecoder();
    const items = d.push(Buffer.concat([bad, good]));
    expect(errors(items)).toEqual(['checksum']);
    expect(frames(items)).toEqual([{ addr: 3, func: 0x03, data: new TextEncoder().encode('A024') }]);
  });

  it('refuses mismatched length bytes and a missing end byte, and never holds more than one frame of garbage', () => {
    const d = new FrameDecoder();
    expect(d.push(Uint8Array.of(0x68, 0x03, 0x04, 0x68, 1, 1, 0, 0x6a, 0x16))).toEqual([]);
    const f = encodeFrame({ addr: 3, func: 0x05, data: new Uint8Array(0) });
    f[f.length - 1] = 0x17;
    expect(errors(d.push(f))).toEqual(['end']);
    expect(d.push(new Uint8Array(4096).fill(0x55))).toEqual([]);
    expect(d.pending).toBe(0);
    expect(checksum(3, 0x05, new Uint8Array(0))).toBe(0x70);
  });

  it('carries every command and answer through its bytes', () => {
    const commands: HostCommand[] = [
      { type: 'callNext' },
      { type: 'recall', ticket: 'A023' },
      { type: 'pass', ticket: 'B-7' },
      { type: 'evaluate', ticket: 'A023', timeoutSec: 30 },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'transfer', ticket: 'A023', to: { window: 'W05' } },
      { type: 'transfer', ticket: 'A023', to: { queue: 'B' } },
      { type: 'status' },
    ];
    for (const c of commands) {
      const [item] = new FrameDecoder().push(encodeFrame(commandFrame(9, c)));
      expect(parseCommand((item as { frame: CallerFrame }).frame)).toEqual(c);
    }
    expect(() => commandFrame(9, { type: 'recall', ticket: '号 1' })).toThrow(/排队号无效/);
    expect(parseReport(calledFrame(9, STATUS.noneWaiting, 0, null))).toEqual({ type: 'answer', answer: { type: 'called', status: 1, called: null, waiting: 0 } });
    expect(parseReport(calledFrame(9, STATUS.ok, 2, { ticket: 'C100', queue: 'C', waiting: 2, waitedSec: null }))).toMatchObject({
      answer: { called: { ticket: 'C100', queue: 'C', waitedSec: null, waiting: 2 } },
    });
    // Done answers carry paused + waiting (u16) after the status byte; a caller that sends the status byte only gives no window state.
    expect(parseReport(answerFrame(9, FUNC.pass, STATUS.ok, windowBytes({ paused: true, waiting: 300 })))).toEqual({
      type: 'answer',
      answer: { type: 'done', func: FUNC.pass, status: 0, window: { paused: true, waiting: 300 } },
    });
    expect(parseReport(answerFrame(9, FUNC.recall, STATUS.ok))).toEqual({ type: 'answer', answer: { type: 'done', func: FUNC.recall, status: 0, window: null } });
    expect(parseReport({ addr: 9, func: 0x40, data: Uint8Array.of(0x01) })).toEqual({ type: 'key', key: 'next' });
    expect(parseReport({ addr: 9, func: 0x40, data: Uint8Array.of(0x09) }).type).toBe('unknown');
  });
});

describe('PROTOCOL.md example frames', () => {
  it('recall and its answer are byte for byte what the page shows', () => {
    expect(hex(encodeFrame(commandFrame(3, { type: 'recall', ticket: 'A023' })))).toBe('FF 68 06 06 68 03 02 41 30 32 33 43 16');
    expect(hex(encodeFrame({ addr: 3, func: 0x82, data: Uint8Array.of(0) }))).toBe('FF 68 03 03 68 03 82 00 ED 16');
  });
});
