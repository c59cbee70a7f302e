import { checkIdNumber } from '../../../common/domain/id-number';

// Any run of 18 ID characters, even glued to other text: the scan must over-report, never miss.
const CANDIDATE = /\d{17}[\dXx]/g;
// Hex dumps ("AA AA 96 69 …" or "aaaa9669…"), where a card's UCS-2 text block would hide.
const HEX_RUN = /(?:[0-9A-Fa-f]{2}[ ]?){18,}/g;

/** Valid ID numbers (GB 11643: date and check character) anywhere in `text`, also inside hex dumps. */
export function findIdNumbers(text: string): string[] {
  const found = new Set<string>();
  const scan = (s: string) => {
    for (const m of s.matchAll(CANDIDATE)) if (checkIdNumber(m[0]).valid) found.add(m[0].toUpperCase());
  };
  scan(text);
  // Digits of an ID number are ASCII: UCS-2LE hides them as "31 00 31 00 …"; latin1 as "31 31 …".
  for (const m of text.matchAll(HEX_RUN)) {
    const digits = m[0].replace(/ /g, '');
    const bytes = Buffer.from(digits.slice(0, digits.length & ~1), 'hex');
    scan(bytes.toString('latin1'));
    scan(bytes.toString('utf16le'));
    scan(bytes.subarray(1).toString('utf16le'));
  }
  return [...found];
}

/** Hex of a frame as kept in diagnostics: long frames (card data) keep only their header. */
export function redactFrameHex(hex: string, keepBytes = 10): string {
  const bytes = hex.split(' ').filter((b) => /^[0-9A-F]{2}$/i.test(b));
  if (bytes.length <= 32) return findIdNumbers(hex).length ? `${bytes.slice(0, keepBytes).join(' ')} …(已隐去 ${bytes.length - keepBytes} 字节)` : hex;
  return `${bytes.slice(0, keepBytes).join(' ')} …(已隐去 ${bytes.length - keepBytes} 字节：可能含个人信息)`;
}
