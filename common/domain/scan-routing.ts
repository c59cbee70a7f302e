import { isValidUscc } from './uscc';

/**
 * What a scanned code is, so the intake screen can route it: a case number opens that case, an
 * e-licence identifier or appointment code attaches to the current intake, a licence QR carrying a
 * credit code fills the enterprise applicant, anything else is offered to the focused field.
 */

export type ScanKind =
  | { kind: 'case'; caseNumber: string; hall: string; window: string; date: string; seq: string }
  | { kind: 'licence'; licenceId: string }
  | { kind: 'appointment'; code: string }
  | CreditCodeScan
  | { kind: 'other'; text: string };

/**
 * A multi-line licence QR (许可证: licence number, operator name, 统一社会信用代码 on lines of their
 * own): the credit code names the enterprise applicant. `text` is the whole code, as scanned.
 */
export interface CreditCodeScan {
  kind: 'creditCode';
  uscc: string;
  /** The first line that is neither the credit code nor a name (the licence number), or null. */
  licenceNumber: string | null;
  /** The first line with Chinese characters (经营者/企业名称), or null. */
  operatorName: string | null;
  text: string;
}

/** `<hall>-<window>-<yyyyMMdd>-<seq>`: ASCII letters/digits, hyphen separated (window-issued number). */
const CASE_NUMBER = /^([A-Za-z0-9]+)-([A-Za-z0-9]+)-(\d{4})(\d{2})(\d{2})-(\d+)$/;

/** Parts of a window-issued case number, or null. The one place that knows the format. */
export function parseCaseNumber(
  text: string,
): { caseNumber: string; hall: string; window: string; date: string; seq: string } | null {
  const m = CASE_NUMBER.exec(text.trim());
  if (!m) return null;
  const [, hall, window, y, mo, d, seq] = m as unknown as [string, string, string, string, string, string, string];
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return null;
  return { caseNumber: m[0], hall, window, date: `${y}${mo}${d}`, seq };
}

export function isCaseNumber(text: string): boolean {
  return parseCaseNumber(text) !== null;
}

/** Builds the case number from its parts; the inverse of parseCaseNumber. */
export function formatCaseNumber(parts: { hall: string; window: string; date: string; seq: string | number }): string {
  return `${parts.hall}-${parts.window}-${parts.date}-${parts.seq}`;
}

/** 电子证照 identifier `1.2.156.3005.2.<type>.<issuer USCI>.<serial>.<version>.<check>` (DOMAIN.md). */
const LICENCE_ID = /1\.2\.156\.3005\.2(?:\.[0-9A-Za-z]+){5,}/;

/**
 * The licence identifier inside scanned text. Licence QR codes often carry a URL or a JSON blob
 * around the identifier, so it is looked for anywhere, bounded by non-identifier characters.
 */
export function findLicenceId(text: string): string | null {
  const m = LICENCE_ID.exec(text);
  if (!m) return null;
  const before = text[m.index - 1];
  if (before !== undefined && /[0-9A-Za-z.]/.test(before)) return null;
  return m[0];
}

/**
 * 预约码 as issued by the appointment service: `YY` followed by 8–20 letters/digits, optionally
 * hyphenated after the prefix (`YY-…`). This project's convention; change it here only.
 */
const APPOINTMENT_CODE = /^YY-?[0-9A-Z]{8,20}$/;

export function isAppointmentCode(text: string): boolean {
  return APPOINTMENT_CODE.test(text.trim().toUpperCase());
}

/**
 * A code of two or more lines (any CR/LF mix, as issuing systems write `\n\r` or `\r\n`) with one line
 * that is a valid credit code, or null. A single-line code stays `other`: it goes to the focused field.
 */
export function parseCreditCodeScan(raw: string): CreditCodeScan | null {
  const lines = raw.split(/[\r\n]+/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2) return null;
  const uscc = lines.find((l) => isValidUscc(l));
  if (uscc === undefined) return null;
  const others = lines.filter((l) => l !== uscc);
  const operatorName = others.find((l) => /\p{Script=Han}/u.test(l)) ?? null;
  const licenceNumber = others.find((l) => l !== operatorName && /^[0-9A-Za-z-]+$/.test(l)) ?? null;
  return { kind: 'creditCode', uscc: uscc.toUpperCase(), licenceNumber, operatorName, text: raw };
}

export function classifyScan(raw: string): ScanKind {
  const text = raw.trim();
  const caseNo = parseCaseNumber(text);
  if (caseNo) return { kind: 'case', ...caseNo };
  const licenceId = findLicenceId(text);
  if (licenceId) return { kind: 'licence', licenceId };
  const creditCode = parseCreditCodeScan(raw);
  if (creditCode) return creditCode;
  if (isAppointmentCode(text)) return { kind: 'appointment', code: text.toUpperCase() };
  return { kind: 'other', text: raw };
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 2000 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
