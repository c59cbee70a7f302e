import { splitAimPrefix, UNKNOWN_SYMBOLOGY } from './aim';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from './line-splitter';
import type { ScanResult, ScannerError } from './scan-result';
import { decodeScanBytes, type EncodingSetting } from './text-decoding';

export interface SerialScanOptions {
  encoding?: EncodingSetting;
  /** Strip and map a leading AIM identifier (default on; only known identifiers are taken). */
  aim?: boolean;
  maxLineBytes?: number;
}

export type SerialScanItem = { scan: ScanResult } | { error: ScannerError };

/** Bytes from a serial (USB CDC) scanner → scans. Pure: the driver owns the port. */
export class SerialScanDecoder {
  private readonly splitter: LineSplitter;
  private readonly encoding: EncodingSetting;
  private readonly aim: boolean;

  constructor(options: SerialScanOptions = {}) {
    this.splitter = new LineSplitter(options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
    this.encoding = options.encoding ?? 'auto';
    this.aim = options.aim ?? true;
  }

  push(chunk: Uint8Array): SerialScanItem[] {
    const out: SerialScanItem[] = [];
    for (const item of this.splitter.push(chunk)) {
      if ('error' in item) out.push(item);
      else out.push({ scan: this.decodeLine(item.line) });
    }
    return out;
  }

  reset(): void {
    this.splitter.reset();
  }

  private decodeLine(line: Buffer): ScanResult {
    const { text, encoding } = decodeScanBytes(line, this.encoding);
    if (!this.aim) return { text, symbology: UNKNOWN_SYMBOLOGY, encoding };
    const { aimId, symbology, data } = splitAimPrefix(text);
    return aimId ? { text: data, symbology, aimId, encoding } : { text: data, symbology, encoding };
  }
}
