/**
 * AIM symbology identifiers (ISO/IEC 15424): `]` + code character + modifier character, sent by
 * scanners in front of the data when configured to. Mapped to the names shown to staff.
 */
const BY_CODE: Record<string, string> = {
  A: 'Code 39',
  B: 'Telepen',
  C: 'Code 128',
  D: 'Code One',
  E: 'EAN/UPC',
  F: 'Codabar',
  G: 'Code 93',
  H: 'Code 11',
  I: 'Interleaved 2 of 5',
  K: 'Code 16K',
  L: 'PDF417',
  M: 'MSI',
  N: 'Anker',
  O: 'Codablock',
  P: 'Plessey',
  Q: 'QR',
  R: 'Straight 2 of 5 (2-bar)',
  S: 'Straight 2 of 5 (3-bar)',
  T: 'Code 49',
  U: 'MaxiCode',
  X: 'Other',
  Z: 'Non-barcode',
  c: 'Channel Code',
  d: 'Data Matrix',
  e: 'GS1 DataBar',
  g: 'Grid Matrix',
  h: 'Han Xin',
  m: 'Matrix 2 of 5',
  o: 'OCR',
  p: 'Posicode',
  s: 'SuperCode',
  v: 'Ultracode',
  z: 'Aztec',
};

/** Modifiers that change what the code is called (GS1 variants, EAN-8). */
const BY_ID: Record<string, string> = {
  ']C1': 'GS1-128',
  ']E0': 'EAN-13',
  ']E4': 'EAN-8',
  ']d2': 'GS1 DataMatrix',
  ']Q3': 'GS1 QR',
  ']Q4': 'GS1 QR',
  ']L2': 'MicroPDF417',
  ']Q0': 'Micro QR',
};

export const UNKNOWN_SYMBOLOGY = 'unknown';

/** `]Q1` → "QR"; anything not an AIM identifier → "unknown". */
export function symbologyName(aimId: string): string {
  if (!isAimId(aimId)) return UNKNOWN_SYMBOLOGY;
  return BY_ID[aimId] ?? BY_CODE[aimId[1]!] ?? UNKNOWN_SYMBOLOGY;
}

/** Three characters `]` + known code character + modifier (digit or letter). */
export function isAimId(s: string): boolean {
  return s.length === 3 && s[0] === ']' && s[1]! in BY_CODE && /[0-9A-Za-z]/.test(s[2]!);
}

/**
 * Splits an AIM prefix off scanned text. Only known code characters count, so data that merely
 * starts with `]` is left alone.
 */
export function splitAimPrefix(text: string): { aimId?: string; symbology: string; data: string } {
  const head = text.slice(0, 3);
  if (isAimId(head)) return { aimId: head, symbology: symbologyName(head), data: text.slice(3) };
  return { symbology: UNKNOWN_SYMBOLOGY, data: text };
}
