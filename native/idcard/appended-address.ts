import type { IdCardReading } from './card';
import type { CardLayout } from './card-layouts';
import { layoutFor } from './card-layouts';
import { readUcs2 } from './text-block';

/**
 * One appended address (追加地址) record: 35 UCS-2LE characters, space padded, the size of the
 * card's own address field (bytes 52–121). A card whose address changed more than once carries one
 * record per change, oldest first. PROTOCOLS.md gives the command and SW3 91 (none) but not the
 * answer's layout; 70-byte records are what vendor SDKs return. An answer that is not a whole
 * number of records still decodes: the tail becomes a (shorter) last line, nothing is dropped.
 */
export const APPENDED_ADDRESS_RECORD_BYTES = 70;

/** Largest answer the driver waits for: four records, as vendor SDKs allow. */
export const APPENDED_ADDRESS_MAX_BYTES = 4 * APPENDED_ADDRESS_RECORD_BYTES;

/**
 * The DATA of a `30 03` answer as text: one line per appended address, oldest first, each
 * trimmed, empty records skipped; null when there is none.
 */
export function decodeAppendedAddress(data: Uint8Array): string | null {
  const lines: string[] = [];
  for (let at = 0; at < data.length; at += APPENDED_ADDRESS_RECORD_BYTES) {
    const record = readUcs2(data, at, Math.min(APPENDED_ADDRESS_RECORD_BYTES, data.length - at));
    for (const line of record.split(/[\r\n\u0000]+/u)) if (line.trim()) lines.push(line.trim());
  }
  return lines.length ? lines.join('\n') : null;
}

/** Records of a `30 03` answer (simulator side): each line padded or cut to one record. */
export function encodeAppendedAddress(lines: readonly string[]): Uint8Array {
  const chars = APPENDED_ADDRESS_RECORD_BYTES / 2;
  return new Uint8Array(Buffer.from(lines.map((l) => l.padEnd(chars, ' ').slice(0, chars)).join(''), 'utf16le'));
}

/**
 * Only cards whose layout has an address can carry an appended one (not the foreigner card, nor a
 * card the decoder recognised by its number rather than by its layout).
 */
export function carriesAddress(reading: Pick<IdCardReading, 'typeLetter' | 'card'>, layouts?: readonly CardLayout[]): boolean {
  const layout = layoutFor(reading.typeLetter, layouts);
  return layout.fields.address !== undefined && layout.cardType === reading.card.cardType;
}
