import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS, CommandDecoder, commandFrame, encodeResponse, ResponseDecoder, type ResponseEvent } from './codec';
import { MAX_LEN } from './frame-decoder';
import { SW3_MEANINGS } from './status-codes';

const hex = (s: string) => Uint8Array.from(s.trim().split(/\s+/).map((h) => parseInt(h, 16)));
const feed = (bytes: Uint8Array, size: number, d = new ResponseDecoder()): ResponseEvent[] => {
  const out: ResponseEvent[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...d.push(bytes.subarray(i, i + size)));
  return out;
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, (o += p.length) - p.length);
  return out;
};

describe('GA 467 command encoding', () => {
  it('matches every frame of PROTOCOLS.md', () => {
    const expected: Record<keyof typeof COMMANDS, string> = {
      resetSam: 'AA AA AA 96 69 00 03 10 FF EC',
      samStatus: 'AA AA AA 96 69 00 03 11 FF ED',
      readSamId: 'AA AA AA 96 69 00 03 12 FF EE',
      findCard: 'AA AA AA 96 69 00 03 20 01 22',
      selectCard: 'AA AA AA 96 69 00 03 20 02 21',
      readText: 'AA AA AA 96 69 00 03 30 01 32',
      readTextFingerprint: 'AA AA AA 96 69 00 03 30 10 23',
      readAppendedAddress: 'AA AA AA 96 69 00 03 30 03 30',
    };
    for (const [name, frame] of Object.entries(expected)) expect(commandFrame(name as keyof typeof COMMANDS)).toEqual(hex(frame));
  });

  it('decodes commands on the reader side', () => {
    const d = new CommandDecoder();
    expect(d.push(concat(hex('00 11'), commandFrame('findCard')))).toEqual([
      { kind: 'garbage', bytes: 2 },
      { kind: 'command', cmd: 0x20, para: 0x01, data: new Uint8Array(0) },
    ]);
  });
});

describe('GA 467 response decoding', () => {
  it('decodes the documented find answer', () => {
    const [e] = new ResponseDecoder().push(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(e).toMatchObject({ kind: 'response', status: { code: 0x9f, ok: true }, data: new Uint8Array(4) });
  });

  it('yields every SW3 code with its meaning; non-success codes as `status`', () => {
    for (const code of Object.keys(SW3_MEANINGS).map(Number)) {
      const [e] = new ResponseDecoder().push(encodeResponse(code, Uint8Array.of(1, 2)));
      expect(e!.kind).toBe(code === 0x90 || code === 0x9f ? 'response' : 'status');
      if (e!.kind === 'response' || e!.kind === 'status') {
        expect(e.status.meaning).toBe(SW3_MEANINGS[code]);
        expect(e.data).toEqual(Uint8Array.of(1, 2));
      }
    }
    const [unknown] = new ResponseDecoder().push(encodeResponse(0x55));
    expect(unknown).toMatchObject({ kind: 'status', status: { meaning: '未知状态码 55', ok: false } });
  });

  it('reassembles a 1295-byte read answer from any chunking, 1 byte to whole frame', () => {
    const data = Uint8Array.from({ length: 1284 }, (_, i) => (i * 7) & 0xff);
    const frame = encodeResponse(0x90, data);
    expect(frame.length).toBe(1295);
    for (const size of [1, 2, 3, 5, 7, 64, 1000, frame.length]) {
      const events = feed(frame, size);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ kind: 'response', data });
    }
  });

  it('skips garbage before a preamble, including partial preambles', () => {
    const frame = encodeResponse(0x90);
    const events = feed(concat(hex('AA AA 96 AA 00 FF AA AA AA 96'), frame, hex('13 AA')), 1);
    expect(events.filter((e) => e.kind === 'response')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'garbage').reduce((n, e) => n + (e.kind === 'garbage' ? e.bytes : 0), 0)).toBe(11);
  });

  it('reports a bad checksum and resyncs on the next frame', () => {
    const bad = encodeResponse(0x90, Uint8Array.of(1, 2, 3));
    bad[bad.length - 1]! ^= 0xff;
    const events = feed(concat(bad, encodeResponse(0x9f)), 3);
    expect(events[0]).toMatchObject({ kind: 'badChecksum' });
    expect(events.at(-1)).toMatchObject({ kind: 'response', status: { code: 0x9f } });
  });

  it('reports bad lengths (too short, too long) and resyncs', () => {
    const events = new ResponseDecoder().push(concat(hex('AA AA AA 96 69 00 02 00 00'), hex('AA AA AA 96 69 FF FF'), encodeResponse(0x90)));
    expect(events.map((e) => e.kind)).toEqual(['badLength', 'garbage', 'badLength', 'garbage', 'response']);
  });

  it('reports truncation as a timeout and recovers a good frame hidden behind a corrupt length', () => {
    const d = new ResponseDecoder();
    const read = encodeResponse(0x90, new Uint8Array(1284));
    expect(d.push(read.subarray(0, 600))).toEqual([]);
    expect(d.expire()).toEqual([
      { kind: 'timeout', pendingBytes: 600 },
      { kind: 'garbage', bytes: 599 },
    ]);
    expect(d.pending).toBe(0);
    // A LEN of 0x0400 that never completes, followed by a complete short answer.
    d.push(concat(hex('AA AA AA 96 69 04 00 00 00 90'), encodeResponse(0x9f)));
    const after = d.expire();
    expect(after[0]).toMatchObject({ kind: 'timeout' });
    expect(after.some((e) => e.kind === 'response' && e.status.code === 0x9f)).toBe(true);
  });

  it('property: any bytes in any chunking never throw and never grow the buffer past one frame (100k inputs)', () => {
    const d = new ResponseDecoder();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), fc.integer({ min: 1, max: 16 }), fc.boolean(), (bytes, size, withPreamble) => {
        const input = withPreamble ? concat(hex('AA AA AA 96 69'), bytes) : bytes;
        for (let i = 0; i < input.length; i += size) d.push(input.subarray(i, i + size));
        if (size === 16) d.expire();
        return d.pending <= d.capacity && d.capacity === MAX_LEN + 7;
      }),
      { numRuns: 100_000, seed: 467 },
    );
  });

  it('property: valid frames interleaved with preamble-free garbage all come out, whatever the chunking', () => {
    const frameArb = fc.record({ sw3: fc.constantFrom(0x90, 0x9f, 0x80, 0x41), data: fc.uint8Array({ maxLength: 40 }) });
    const garbageArb = fc.uint8Array({ maxLength: 12 }).map((g) => g.map((b) => (b === 0xaa ? 0x55 : b)));
    fc.assert(
      fc.property(fc.array(fc.tuple(garbageArb, frameArb), { maxLength: 6 }), fc.integer({ min: 1, max: 50 }), (parts, size) => {
        const stream = concat(...parts.flatMap(([g, f]) => [g, encodeResponse(f.sw3, f.data)]));
        const got = feed(stream, size).filter((e) => e.kind === 'response' || e.kind === 'status');
        expect(got.map((e) => (e.kind === 'response' || e.kind === 'status' ? e.status.code : -1))).toEqual(parts.map(([, f]) => f.sw3));
      }),
      { numRuns: 2000, seed: 96 },
    );
  });
});
