/** A decoded scan as the drivers produce it; the app turns it into the contract's `scan` event. */
export interface ScanResult {
  text: string;
  /** Display name ("QR", "Code 128", …) or "unknown" when the scanner sent no AIM identifier. */
  symbology: string;
  /** The raw AIM identifier (`]Q1`) when there was one. */
  aimId?: string;
  /** How the bytes were read: detected or forced. */
  encoding: 'utf8' | 'gb18030';
}

export type ScannerErrorCode = 'LINE_TOO_LONG' | 'REPORT_INVALID' | 'SCAN_TOO_LONG' | 'TRANSPORT';

/** Bad input from a scanner: reported, never thrown through the device loop. */
export class ScannerError extends Error {
  constructor(
    readonly code: ScannerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScannerError';
  }
}
