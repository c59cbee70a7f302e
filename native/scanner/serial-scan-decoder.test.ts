import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAimPrefix, symbologyName } from './aim';
import { LICENCE_QR_BYTES, LICENCE_QR_TEXT, lineBreakCuts } from './fixtures/licence-qr';
import { SerialScanDecoder, type SerialScanOptions } from './serial-scan-decoder';
import { decodeScanBytes, encodeScanText } from './text-decoding';

const texts = (items: ReturnType<SerialScanDecoder['push']>) => items.map((i) => ('scan' in i ? i.scan.text : `ERR:${i.error.code}`));

describe('AIM identifiers', () => {
  it('maps identifiers to symbology names', () => {
    expect(symbologyName(']Q1')).toBe('QR');
    expect(symbologyName(']C0')).toBe('Code 128');
    expect(symbologyName(']C1')).toBe('GS1-128');
    expect(symbologyName(']E0')).toBe('EAN-13');
    expect(symbologyName(']E4')).toBe('EAN-8');
    expect(symbologyName(']d2')).toBe('GS1 DataMatrix');
    expect(symbologyName(']d1')).toBe('Data Matrix');
    expect(symbologyName(']L0')).toBe('PDF417');
    expect(symbologyName(']z0')).toBe('Aztec');
    expect(symbologyName(']h0')).toBe('Han Xin');
    expect(symbologyName(']W1')).toBe('unknown');
    expect(symbologyName('Q1')).toBe('unknown');
  });

  it('strips only real prefixes', () => {
    expect(splitAimPrefix(']Q1HK01-W03-20261127-1')).toEqual({ aimId: ']Q1', symbology: 'QR', data: 'HK01-W03-20261127-1' });
    expect(splitAimPrefix(']W1abc')).toEqual({ symbology: 'unknown', data: ']W1abc' });
    expect(splitAimPrefix(']Q')).toEqual({ symbology: 'unknown', data: ']Q' });
  });
});

describe('encodings', () => {
  it('detects UTF-8 and GB18030 content', () => {
    const text = '海南省政务服务中心 受理号 HK01-W03-20261127-0042';
    expect(decodeScanBytes(encodeScanText(text, 'utf8'))).toEqual({ text, encoding: 'utf8' });
    expect(decodeScanBytes(encodeScanText(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
    // The classic trap: 联通 in GBK; and a 4-byte GB18030 character outside GBK.
    expect(decodeScanBytes(encodeScanText('联通', 'gb18030')).text).toBe('联通');
    expect(decodeScanBytes(encodeScanText('𠀀㐀', 'gb18030')).text).toBe('𠀀㐀');
    // Short GBK that is also valid UTF-8 (D2 BB = Cyrillic һ) is still read as GBK…
    expect(decodeScanBytes(encodeScanText('一', 'gb18030'))).toEqual({ text: '一', encoding: 'gb18030' });
    // …while UTF-8 Latin text with accents and pinyin tones stays UTF-8.
    expect(decodeScanBytes(encodeScanText('Café Lǚ', 'utf8'))).toEqual({ text: 'Café Lǚ', encoding: 'utf8' });
    expect(decodeScanBytes(Buffer.from('6901234567892'))).toEqual({ text: '6901234567892', encoding: 'utf8' });
  });

  it('honours a forced encoding', () => {
    const gbk = encodeScanText('中文', 'gb18030');
    expect(decodeScanBytes(gbk, 'gb18030').text).toBe('中文');
    expect(decodeScanBytes(gbk, 'utf8').text).toContain('\uFFFD');
  });

  it('round-trips any Chinese text in either encoding (property)', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(fc.oneof(han, fc.constantFrom('a', '1', '-', ' ')), { minLength: 1, maxLength: 40 }), (chars) => {
        const text = chars.join('');
        // Auto is always right for UTF-8; GBK is checked forced here because a lone hanzi such as
        // 么 (C3 B4) is also valid UTF-8 (ô) and no detector can tell them apart.
        expect(decodeScanBytes(encodeScanText(text, 'utf8')).text).toBe(text);
        expect(decodeScanBytes(encodeScanText(text, 'gb18030'), 'gb18030').text).toBe(text);
      }),
    );
  });
});

describe('serial framing by suffix and gap', () => {
  const GAP = 50;
  /** Pushes pieces `stepMs` apart from t=0, then lets the line go idle; returns the texts in order. */
  function frame(pieces: Uint8Array[], opts: SerialScanOptions, stepMs = 2): { texts: string[]; beforeIdle: string[] } {
    const d = new SerialScanDecoder({ gapMs: GAP, ...opts });
    let t = 0;
    const got: string[] = [];
    for (const p of pieces) {
      got.push(...texts(d.push(p, t)));
      t += stepMs;
    }
    const beforeIdle = [...got];
    const deadline = d.deadline();
    if (deadline !== null) got.push(...texts(d.idle(deadline)));
    return { texts: got, beforeIdle };
  }
  const cutAt = (bytes: Uint8Array, cuts: number[]) => {
    const out: Uint8Array[] = [];
    let prev = 0;
    for (const c of [...cuts, bytes.length]) {
      if (c > prev) out.push(bytes.subarray(prev, c));
      prev = Math.max(prev, c);
    }
    return out;
  };

  it('keeps a multi-line GB18030 licence QR as one scan, wherever the reads end (fails on CR/LF framing)', () => {
    for (const [suffix, ending] of [['CR', '\r'], ['CRLF', '\r\n'], ['TAB', '\t'], ['none', ''], ['auto', '\r\n'], ['auto', '\r']] as const) {
      const wire = Buffer.concat([LICENCE_QR_BYTES, Buffer.from(ending, 'latin1')]);
      for (let cut = 0; cut <= wire.length; cut++) {
        expect(frame(cutAt(wire, [cut]), { suffix }).texts, `${suffix} cut at ${cut}`).toEqual([LICENCE_QR_TEXT]);
      }
      expect(frame(cutAt(wire, lineBreakCuts(wire)), { suffix }).texts, `${suffix} cut after every break`).toEqual([LICENCE_QR_TEXT]);
    }
    const d = new SerialScanDecoder({ suffix: 'CR', gapMs: GAP, encoding: 'auto' });
    const [scan] = [...d.push(Buffer.concat([LICENCE_QR_BYTES, Buffer.from('\r')]), 0), ...d.idle(GAP)];
    expect(scan).toEqual({ scan: { text: LICENCE_QR_TEXT, symbology: 'unknown', encoding: 'gb18030' } });
  });

  it('has the one documented limit: a suffix that begins the code\'s own line break, with a read ending right after it', () => {
    const wire = Buffer.concat([LICENCE_QR_BYTES, Buffer.from('\n')]);
    const firstLf = wire.indexOf(0x0a) + 1;
    expect(frame(cutAt(wire, [firstLf]), { suffix: 'LF' }).texts).toHaveLength(2);
    // Every other cut keeps it whole; so does any cut under auto or none, which wait for the gap.
    for (let cut = 0; cut <= wire.length; cut++) if (cut !== firstLf) expect(frame(cutAt(wire, [cut]), { suffix: 'LF' }).texts).toEqual([LICENCE_QR_TEXT]);
    expect(frame(cutAt(wire, [firstLf]), { suffix: 'auto' }).texts).toEqual([LICENCE_QR_TEXT]);
  });

  it('ends a single-line scan at once on its configured suffix (no gap added), with or without AIM', () => {
    for (const [suffix, ending] of [['CR', '\r'], ['LF', '\n'], ['CRLF', '\r\n'], ['TAB', '\t']] as const) {
      const d = new SerialScanDecoder({ suffix, gapMs: GAP });
      expect(texts(d.push(Buffer.from(`]Q1HK01-W03-20261127-1${ending}`), 0)), suffix).toEqual(['HK01-W03-20261127-1']);
      expect(d.deadline()).toBeNull();
    }
    // CR LF split between two reads: the scan ends when the LF arrives, not before.
    const d = new SerialScanDecoder({ suffix: 'CRLF', gapMs: GAP });
    expect(texts(d.push(Buffer.from('ABC-123\r'), 0))).toEqual([]);
    expect(texts(d.push(Buffer.from('\n'), 1))).toEqual(['ABC-123']);
  });

  it('under auto (suffix unknown) still ends on CR, LF or CR LF, once the gap confirms it', () => {
    for (const ending of ['\r', '\n', '\r\n']) {
      const { texts: got, beforeIdle } = frame([Buffer.from(`6901234567892${ending}`)], { suffix: 'auto' });
      expect(beforeIdle).toEqual([]);
      expect(got).toEqual(['6901234567892']);
    }
  });

  it('ends a scan whose suffix never came, or a scanner set to none, on the gap', () => {
    expect(frame([Buffer.from('HK01-W03'), Buffer.from('-20261127-1')], { suffix: 'CR' }).texts).toEqual(['HK01-W03-20261127-1']);
    expect(frame([Buffer.from('6901234567892')], { suffix: 'none' }).texts).toEqual(['6901234567892']);
  });

  it('starts a new scan for bytes after the gap even if the idle timer ran late', () => {
    const d = new SerialScanDecoder({ suffix: 'none', gapMs: GAP });
    expect(texts(d.push(Buffer.from('first'), 0))).toEqual([]);
    expect(texts(d.push(Buffer.from('second'), GAP + 1))).toEqual(['first']);
    expect(texts(d.idle(2 * GAP + 1))).toEqual(['second']);
  });

  it('splits a multi-byte character across reads without damage', () => {
    const bytes = encodeScanText('受理号\r\n', 'gb18030');
    expect(frame([bytes.subarray(0, 3), bytes.subarray(3)], { suffix: 'CRLF' }).texts).toEqual(['受理号']);
  });

  it('reports the AIM symbology', () => {
    const d = new SerialScanDecoder({ suffix: 'CR' });
    expect(d.push(Buffer.from(']C0ABC-123\r'), 0)).toEqual([{ scan: { text: 'ABC-123', symbology: 'Code 128', aimId: ']C0', encoding: 'utf8' } }]);
    expect(new SerialScanDecoder({ aim: false, suffix: 'LF' }).push(Buffer.from(']C0X\n'), 0)).toEqual([
      { scan: { text: ']C0X', symbology: 'unknown', encoding: 'utf8' } },
    ]);
  });

  it('rejects an over-long scan with an error and recovers after the gap', () => {
    const d = new SerialScanDecoder({ maxScanBytes: 16, suffix: 'CR', gapMs: GAP });
    const out = [...d.push(Buffer.from('x'.repeat(10)), 0), ...d.push(Buffer.from('y'.repeat(10)), 1), ...d.push(Buffer.from('z'.repeat(50) + '\r'), 2)];
    expect(texts(out)).toEqual(['ERR:LINE_TOO_LONG']);
    expect((out[0] as { error: Error }).error.message).toContain('超过 16 字节');
    expect(texts(d.idle(2 + GAP))).toEqual([]);
    expect(texts(d.push(Buffer.from('ok\r'), 200))).toEqual(['ok']);
  });

  it('gives one scan per code however each code is chunked, codes a gap apart (property)', () => {
    const line = fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/);
    const suffix = fc.constantFrom(['CR', '\r'], ['LF', '\n'], ['CRLF', '\r\n'], ['auto', '\r\n'], ['none', '']);
    fc.assert(
      fc.property(suffix, fc.array(fc.tuple(line, fc.array(fc.nat(), { maxLength: 4 })), { minLength: 1, maxLength: 8 }), ([name, ending], codes) => {
        const d = new SerialScanDecoder({ suffix: name as SerialScanOptions['suffix'], gapMs: GAP });
        const got: string[] = [];
        let t = 0;
        for (const [code, cuts] of codes) {
          const wire = Buffer.from(code + ending);
          for (const piece of cutAt(wire, [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b))) {
            got.push(...texts(d.push(piece, t)));
            t += 3;
          }
          t += GAP * 4;
          got.push(...texts(d.idle(t)));
        }
        expect(got).toEqual(codes.map(([c]) => c));
      }),
    );
  });
});
