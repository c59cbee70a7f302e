/** Masking of personal data for screens, logs and diagnostics. */

/** `460102199001010021` → `4601**********0021`; anything shorter keeps only its ends. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** `张三丰` → `张**`. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** `13812345678` → `138****5678`; a short number is hidden whole. */
export function maskPhone(phone: string): string {
  return phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** `海南省海口市龙华区…` → `海南省海口市****`: the province and city stay readable. */
export function maskAddress(address: string): string {
  return `${[...address].slice(0, 6).join('')}****`;
}

// 18-character resident ID numbers (and 15-digit old ones) anywhere in free text.
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
// Mainland mobile numbers.
const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d{9})(?!\d)/g;

/** Masks ID and phone numbers found in free text (log messages, error texts). */
export function redactText(text: string): string {
  return text.replace(ID_IN_TEXT, (m) => maskIdNumber(m)).replace(PHONE_IN_TEXT, (m) => m.slice(0, 3) + '****' + m.slice(-4));
}

/** Keys whose values are personal data whatever they contain. */
export const PII_KEYS = new Set([
  'idNumber',
  'name',
  'chineseName',
  'englishName',
  'address',
  'appendedAddress',
  'phone',
  'photo',
  'fingerprint',
  'passNumber',
  'birthDate',
  'legalRepresentative',
  'applicantName',
]);

/** Deep copy of a value with PII keys replaced and ID/phone numbers masked in every string. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (value && typeof value === 'object') {
    if (value instanceof Error) return { type: value.name, message: redactText(value.message), stack: redactText(value.stack ?? '') };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = PII_KEYS.has(k) ? '[redacted]' : redactDeep(v, depth + 1);
    return out;
  }
  return value;
}
