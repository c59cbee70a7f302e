/**
 * Scan framing settings as plain constants, without zod: the CLI reads them while it builds
 * `--help`, which must not load the contract (start-up time). devices.ts builds the schema on them.
 *
 * The suffix a scanner is set to append after each code; serial scans are framed by it and by the
 * idle gap (native/scanner/scan-framer.ts), never by any CR/LF. `auto`: any CR, LF or CR LF, as
 * for a scanner whose suffix nobody set; `none`: the gap alone.
 */
export const SCAN_SUFFIXES = ['auto', 'CR', 'LF', 'CRLF', 'TAB', 'none'] as const;
export type ScanSuffix = (typeof SCAN_SUFFIXES)[number];
/** Idle milliseconds that end a scan (default, and the range maintenance may set). */
export const SCAN_GAP_MS = { default: 50, min: 10, max: 1000 } as const;
