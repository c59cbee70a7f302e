/**
 * 统一社会信用代码 (GB 32100): 18 characters from `0-9 A-H J-N P-R T U W-Y` (no I O S V Z);
 * weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; check = 31 − (Σ mod 31), 31 → `0`.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem = 'format' | 'checksum';

export interface UsccCheck {
  valid: boolean;
  problem: UsccProblem | null;
  /** Plain Chinese explanation for the screen; null when valid. */
  message: string | null;
}

/** The check character for the first 17 characters, or null when they use characters outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c]!;
}

export function checkUscc(code: string): UsccCheck {
  const u = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(u))
    return {
      valid: false,
      problem: 'format',
      message: '统一社会信用代码应为 18 位，由数字和大写字母组成（不含 I、O、S、V、Z）。',
    };
  if (usccCheckChar(u.slice(0, 17)) !== u[17])
    return { valid: false, problem: 'checksum', message: '统一社会信用代码校验位不正确，请核对营业执照上的代码。' };
  return { valid: true, problem: null, message: null };
}

export function isValidUscc(code: string): boolean {
  return checkUscc(code).valid;
}

/** Completes 17 characters with the right check character (fixtures, demo data). */
export function withUsccCheckChar(first17: string): string {
  const c = usccCheckChar(first17.toUpperCase());
  if (c === null) throw new Error('expected 17 characters from the USCC alphabet');
  return first17.toUpperCase() + c;
}
