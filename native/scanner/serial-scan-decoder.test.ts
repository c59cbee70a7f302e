import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAimPrefix, symbologyName } from './aim';
import { LineSplitter } from './line-splitter';
import { SerialScanDecoder } from './serial-scan-decoder';
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

describe('serial lines', () => {
  it('ends lines on CR, LF and CR LF', () => {
    const d = new SerialScanDecoder();
    expect(texts(d.push(Buffer.from('one\rtwo\nthree\r\nfour')))).toEqual(['one', 'two', 'three']);
    expect(texts(d.push(Buffer.from('\r\n')))).toEqual(['four']);
  });

  it('joins lines split across chunks, including a CR LF split between chunks', () => {
    const d = new SerialScanDecoder();
    expect(texts(d.push(Buffer.from(']Q1HK01-W0')))).toEqual([]);
    expect(texts(d.push(Buffer.from('3-20261127-1\r')))).toEqual(['HK01-W03-20261127-1']);
    expect(texts(d.push(Buffer.from('\nnext\r\n')))).toEqual(['next']);
  });

  it('splits a multi-byte character across chunks without damage', () => {
    const d = new SerialScanDecoder();
    const bytes = encodeScanText('受理号\r\n', 'gb18030');
    const out = [...d.push(bytes.subarray(0, 3)), ...d.push(bytes.subarray(3))];
    expect(out).toEqual([{ scan: { text: '受理号', symbology: 'unknown', encoding: 'gb18030' } }]);
  });

  it('reports the AIM symbology', () => {
    const d = new SerialScanDecoder();
    expect(d.push(Buffer.from(']C0ABC-123\r'))).toEqual([{ scan: { text: 'ABC-123', symbology: 'Code 128', aimId: ']C0', encoding: 'utf8' } }]);
    expect(new SerialScanDecoder({ aim: false }).push(Buffer.from(']C0X\n'))).toEqual([
      { scan: { text: ']C0X', symbology: 'unknown', encoding: 'utf8' } },
    ]);
  });

  it('rejects an over-long line with an error and recovers at the next line end', () => {
    const d = new SerialScanDecoder({ maxLineBytes: 16 });
    const out = [...d.push(Buffer.from('x'.repeat(10))), ...d.push(Buffer.from('y'.repeat(10))), ...d.push(Buffer.from('z'.repeat(50)))];
    expect(texts(out)).toEqual(['ERR:LINE_TOO_LONG']);
    const err = out[0] as { error: Error };
    expect(err.error.message).toContain('超过 16 字节');
    expect(texts(d.push(Buffer.from('zz\rok\r')))).toEqual(['ok']);
  });

  it('gives the same lines however the stream is chunked (property)', () => {
    const line = fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/);
    const ending = fc.constantFrom('\r', '\n', '\r\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, ending), { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { maxLength: 8 }), (lines, cuts) => {
        const wire = Buffer.from(lines.map(([l, e]) => l + e).join(''));
        const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
        const splitter = new LineSplitter();
        const got: string[] = [];
        let prev = 0;
        for (const p of [...points, wire.length]) {
          for (const item of splitter.push(wire.subarray(prev, p))) if ('line' in item) got.push(item.line.toString());
          prev = p;
        }
        expect(got).toEqual(lines.map(([l]) => l));
      }),
    );
  });
});
