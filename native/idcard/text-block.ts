import type { CardLayout, LayoutField } from './card-layouts';

export const TEXT_BLOCK_BYTES = 256;
/** Offset of the card type letter in the text block. */
export const TYPE_LETTER_OFFSET = 248;

/** UCS-2LE field, padding spaces and NULs trimmed. */
export function readUcs2(text: Uint8Array, offset: number, length: number): string {
  const end = Math.min(text.length, offset + length) & ~1;
  if (offset >= end) return '';
  return Buffer.from(text.buffer, text.byteOffset + offset, end - offset)
    .toString('utf16le')
    .replace(/[\s\u0000]+$/u, '')
    .replace(/^[\s\u0000]+/u, '');
}

/** UCS-2LE field as stored, padding included (for a value split over two fields). */
export function readUcs2Raw(text: Uint8Array, offset: number, length: number): string {
  const end = Math.min(text.length, offset + length) & ~1;
  if (offset >= end) return '';
  return Buffer.from(text.buffer, text.byteOffset + offset, end - offset).toString('utf16le');
}

/**
 * The English name of a layout that splits it (`englishName` + `englishNameContinued`): the two
 * fields as stored, joined, so a name cut at the field boundary (even at a space) comes back whole;
 * padding and NULs trimmed, inner runs of padding closed to one space.
 */
export function readSplitEnglishName(text: Uint8Array, layout: CardLayout): string {
  const first = layout.fields.englishName;
  const rest = layout.fields.englishNameContinued;
  if (!first) return '';
  const joined = readUcs2Raw(text, first[0], first[1]) + (rest ? readUcs2Raw(text, rest[0], rest[1]) : '');
  return joined.replace(/\u0000/gu, ' ').replace(/\s{2,}/gu, ' ').trim();
}

/** `19900101` → `1990-01-01`; `长期` kept; anything else returned trimmed as found (reported, not hidden). */
export function formatCardDate(raw: string): string {
  if (/^\d{8}$/.test(raw)) return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  return raw;
}

/** Inverse of `formatCardDate`, for the simulator and fixtures. */
export function unformatCardDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.replaceAll('-', '') : value;
}

/** The type letter at bytes 248–249 (a space for the resident card). */
export function typeLetterOf(text: Uint8Array): string {
  if (text.length < TYPE_LETTER_OFFSET + 2) return ' ';
  return String.fromCharCode(text[TYPE_LETTER_OFFSET]! | (text[TYPE_LETTER_OFFSET + 1]! << 8));
}

/** Read every field of a layout (raw strings, dates formatted). */
export function readFields(text: Uint8Array, layout: CardLayout): Partial<Record<LayoutField, string>> {
  const out: Partial<Record<LayoutField, string>> = {};
  for (const [field, spec] of Object.entries(layout.fields) as Array<[LayoutField, [number, number, 'text' | 'date']]>) {
    const [offset, length, kind] = spec;
    const value = readUcs2(text, offset, length);
    out[field] = kind === 'date' ? formatCardDate(value) : value;
  }
  if (layout.fields.englishNameContinued) {
    out.englishName = readSplitEnglishName(text, layout);
    delete out.englishNameContinued;
  }
  return out;
}

/** Write fields into a space-padded 256-byte text block (simulator, fixtures, tests). Too-long values are cut. */
export function writeTextBlock(fieldValues: Partial<Record<LayoutField, string>>, layout: CardLayout, letter: string): Uint8Array {
  const values = splitEnglishName(fieldValues, layout);
  const block = Buffer.from(' '.repeat(TEXT_BLOCK_BYTES / 2), 'utf16le');
  for (const [field, spec] of Object.entries(layout.fields) as Array<[LayoutField, [number, number, 'text' | 'date']]>) {
    const value = values[field];
    if (value == null) continue;
    const [offset, length, kind] = spec;
    const raw = Buffer.from(kind === 'date' ? unformatCardDate(value) : value, 'utf16le').subarray(0, length);
    raw.copy(block, offset);
  }
  block.write(letter.slice(0, 1) || ' ', TYPE_LETTER_OFFSET, 'utf16le');
  return new Uint8Array(block);
}

/** A long English name over `englishName` and `englishNameContinued`, where the layout has both. */
function splitEnglishName(values: Partial<Record<LayoutField, string>>, layout: CardLayout): Partial<Record<LayoutField, string>> {
  const first = layout.fields.englishName;
  const name = values.englishName;
  if (!first || !layout.fields.englishNameContinued || name == null || values.englishNameContinued != null) return values;
  const chars = first[1] / 2;
  return { ...values, englishName: name.slice(0, chars).padEnd(chars, ' '), englishNameContinued: name.slice(chars) || undefined };
}
