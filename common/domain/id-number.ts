/**
 * 公民身份号码 (GB 11643): 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2
 * check character. The 2023 foreigner permanent residence card number (starts with 9) uses the same
 * check, so the same functions serve it.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Why a number is not a valid 18-character ID number; `null` when it is valid. */
export type IdNumberProblem = 'format' | 'birthDate' | 'checksum';

export interface IdNumberCheck {
  valid: boolean;
  problem: IdNumberProblem | null;
  /** Plain Chinese explanation for the screen, `null` when valid. */
  message: string | null;
}

/** The expected check character for the first 17 digits, or `null` if they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when the check character matches (format must be 17 digits + digit or X; lower-case x accepted). */
export function hasValidIdChecksum(idNumber: string): boolean {
  const id = idNumber.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/** `YYYYMMDD` is a real calendar date (not checked against today: cards of the future do not exist, but clocks lie). */
export function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Full check of an 18-character ID number: format, birth date, check character. */
export function checkIdNumber(idNumber: string): IdNumberCheck {
  const id = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id))
    return { valid: false, problem: 'format', message: '身份证号码应为 18 位：17 位数字加 1 位数字或 X。' };
  if (!id.startsWith('9') && !isCalendarDate(id.slice(6, 14)))
    return { valid: false, problem: 'birthDate', message: '身份证号码中的出生日期不存在，请核对。' };
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17])
    return { valid: false, problem: 'checksum', message: '身份证号码校验位不正确，请核对号码或重新读卡。' };
  return { valid: true, problem: null, message: null };
}

/** Convenience: completes 17 digits with the right check character (tests, fixtures, the simulator). */
export function withIdCheckChar(first17: string): string {
  const c = idNumberCheckChar(first17);
  if (c === null) throw new Error('expected 17 digits');
  return first17 + c;
}
