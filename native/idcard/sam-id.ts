/**
 * The SAM id answered to `12 FF`: 16 bytes, printed the way vendor tools print it,
 * `05.01-20101215-0012345678-1234567890` (two little-endian u16, three little-endian u32).
 */
export function formatSamId(data: Uint8Array): string {
  if (data.length < 16) return Buffer.from(data).toString('hex').toUpperCase();
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const a = v.getUint16(0, true);
  const b = v.getUint16(2, true);
  const c = v.getUint32(4, true);
  const d = v.getUint32(8, true);
  const e = v.getUint32(12, true);
  return `${String(a).padStart(2, '0')}.${String(b).padStart(2, '0')}-${c}-${String(d).padStart(10, '0')}-${String(e).padStart(10, '0')}`;
}
