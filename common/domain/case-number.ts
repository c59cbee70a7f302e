import { formatCaseNumber, parseCaseNumber } from './scan-routing';

/**
 * Window-issued case numbers: `<hall>-<window>-<yyyyMMdd>-<seq4>`, ASCII letters, digits and
 * hyphens only (they go into QR codes and Code 128 barcodes). Unique without coordination because
 * each window's hall+window code is unique: assigned at enrolment, or a random local window code
 * before it. The parser lives in scan-routing.ts, the one place that knows the format.
 */

/** Hall code of a window that is not enrolled yet. */
export const LOCAL_HALL_CODE = 'LOCAL';

const CODE = /^[A-Za-z0-9]{1,16}$/;

export function isValidCodePart(code: string): boolean {
  return CODE.test(code);
}

/** A window code for an un-enrolled window: `W` + 6 random characters, so two such windows never clash. */
export function randomLocalWindowCode(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = 'W';
  for (let i = 0; i < 6; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

/** Sequence padded to 4 digits; a window that issues more than 9999 in a day gets 5 digits, still parseable. */
export function buildCaseNumber(hall: string, window: string, dateCompact: string, seq: number): string {
  if (!isValidCodePart(hall) || !isValidCodePart(window))
    throw new Error(`大厅或窗口代码只能由字母和数字组成：${hall} / ${window}`);
  if (!/^\d{8}$/.test(dateCompact)) throw new Error(`日期应为 yyyyMMdd：${dateCompact}`);
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`序号应为正整数：${seq}`);
  const n = formatCaseNumber({ hall, window, date: dateCompact, seq: String(seq).padStart(4, '0') });
  if (!parseCaseNumber(n)) throw new Error(`生成的办件号无效：${n}`);
  return n;
}

export { parseCaseNumber };
