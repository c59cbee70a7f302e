import { isAscii as isAsciiBuffer, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type ScanEncoding = 'utf8' | 'gb18030';
/** `auto` detects per scan: strict UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
export type EncodingSetting = ScanEncoding | 'auto';

/**
 * Decodes scanned bytes. Chinese scanners ship set to GBK as often as UTF-8 and a hall may have
 * both, so `auto` decides per scan. Strict UTF-8 fails on most GBK text, but not all: short GBK
 * strings can be valid UTF-8 by accident (一 = D2 BB is also UTF-8 for Cyrillic һ). So when both
 * decodings are valid, the one with fewer characters outside what scans in a Chinese hall hold
 * (ASCII, Latin-1, pinyin tone letters, CJK, CJK and full-width punctuation) wins, UTF-8 on a tie.
 */
export function decodeScanBytes(bytes: Uint8Array, setting: EncodingSetting = 'auto'): { text: string; encoding: ScanEncoding } {
  if (setting === 'gb18030') return { text: decodeGb18030(bytes), encoding: 'gb18030' };
  if (isAscii(bytes)) return { text: asciiString(bytes), encoding: 'utf8' };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // isUtf8 is a native check: no exception thrown per GBK scan as a fatal TextDecoder would.
  if (!isUtf8(buf)) return setting === 'utf8' ? { text: buf.toString('utf8'), encoding: 'utf8' } : { text: decodeGb18030(bytes), encoding: 'gb18030' };
  const utf8 = buf.toString('utf8');
  if (setting === 'utf8') return { text: utf8, encoding: 'utf8' };
  const utf8Odd = oddCharacters(utf8);
  if (utf8Odd === 0) return { text: utf8, encoding: 'utf8' };
  const gb = decodeGb18030(bytes);
  return oddCharacters(gb) < utf8Odd ? { text: gb, encoding: 'gb18030' } : { text: utf8, encoding: 'utf8' };
}

function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

/** Characters unlikely in a scan at a Chinese service hall; U+FFFD counts double. */
function oddCharacters(text: string): number {
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) odd += 2;
    else if (!isExpected(c)) odd++;
  }
  return odd;
}

function isExpected(c: number): boolean {
  return (
    c < 0x80 ||
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x20000 && c <= 0x3ffff) || // extensions B…
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0x2000 && c <= 0x206f) || // general punctuation (“ ” — …)
    (c >= 0x00c0 && c <= 0x00ff && c !== 0x00d7 && c !== 0x00f7) || // Latin-1 letters: foreign names, ü
    c === 0x00b7 || // middle dot in transliterated names
    PINYIN_TONE_LETTERS.has(c)
  );
}

// Only these of Latin Extended: the rest (ƹ, Ǭ, …) is what GBK hanzi look like when misread as UTF-8.
const PINYIN_TONE_LETTERS = new Set([...'āēěīōūǎǐǒǔǖǘǚǜĀĒĚĪŌŪǍǏǑǓǕǗǙǛńňḿ'].map((ch) => ch.codePointAt(0)!));

/** Encodes text the way a scanner set to the given encoding sends it (simulators, tests). */
export function encodeScanText(text: string, encoding: ScanEncoding): Buffer {
  return encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
}

function isAscii(bytes: Uint8Array): boolean {
  return isAsciiBuffer(bytes);
}

function asciiString(bytes: Uint8Array): string {
  // Fast path for the common case (case numbers, URLs, EAN): a native latin1 copy, no decoder.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
