import { checkIdNumber } from './id-number';

/**
 * Number of the 2023 foreigner permanent residence card (外国人永久居留身份证, 2023 版): 18 characters
 * beginning with 9, with the GB 11643 MOD 11-2 check character (PROTOCOLS.md §1). No resident ID
 * number begins with 9 (no region code does), so the shape alone tells the two apart.
 */
export const FOREIGNER_2023_NUMBER = /^9\d{16}[\dX]$/;

/** A well-formed 2023 foreigner card number whose check character is right. */
export function isForeigner2023Number(id: string): boolean {
  const n = id.trim().toUpperCase();
  return FOREIGNER_2023_NUMBER.test(n) && checkIdNumber(n).valid;
}
