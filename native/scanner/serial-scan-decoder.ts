import { splitAimPrefix, UNKNOWN_SYMBOLOGY } from './aim';
import { ScanFramer, type FrameItem, type ScanFraming } from './scan-framer';
import type { ScanResult, ScannerError } from './scan-result';
import { decodeScanBytes, type EncodingSetting } from './text-decoding';

export interface SerialScanOptions extends ScanFraming {
  encoding?: EncodingSetting;
  /** Strip and map a leading AIM identifier (default on; only known identifiers are taken). */
  aim?: boolean;
}

export type SerialScanItem = { scan: ScanResult } | { error: ScannerError };

/**
 * Bytes from a serial (USB CDC) scanner → scans, framed by the scanner's suffix and the idle gap
 * (scan-framer.ts). Pure and time-injected: the driver owns the port and the idle timer.
 */
export class SerialScanDecoder {
  private readonly framer: ScanFramer;
  private readonly encoding: EncodingSetting;
  private readonly aim: boolean;

  constructor(options: SerialScanOptions = {}) {
    this.framer = new ScanFramer(options);
    this.encoding = options.encoding ?? 'auto';
    this.aim = options.aim ?? true;
  }

  get framing(): { suffix: string; gapMs: number } {
    return { suffix: this.framer.suffix, gapMs: this.framer.gapMs };
  }

  push(chunk: Uint8Array, now: number): SerialScanItem[] {
    return this.decode(this.framer.push(chunk, now));
  }

  /** When `idle` should be called if no bytes come first; null when no scan is pending. */
  deadline(): number | null {
    return this.framer.deadline();
  }

  idle(now: number): SerialScanItem[] {
    return this.decode(this.framer.idle(now));
  }

  reset(): void {
    this.framer.reset();
  }

  private decode(items: FrameItem[]): SerialScanItem[] {
    return items.map((item) => ('error' in item ? item : { scan: this.decodeScan(item.bytes) }));
  }

  private decodeScan(bytes: Buffer): ScanResult {
    const { text, encoding } = decodeScanBytes(bytes, this.encoding);
    if (!this.aim) return { text, symbology: UNKNOWN_SYMBOLOGY, encoding };
    const { aimId, symbology, data } = splitAimPrefix(text);
    return aimId ? { text: data, symbology, aimId, encoding } : { text: data, symbology, encoding };
  }
}
