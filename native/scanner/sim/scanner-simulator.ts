import { encodeScanText, type ScanEncoding } from '../text-decoding';
import { openPtyLink, type PtyLink } from './pty-link';

export interface SimulatedScan {
  text: string;
  /** AIM identifier to send in front, e.g. `]Q1`; none by default. */
  aimId?: string;
  encoding?: ScanEncoding;
  /** The scanner's suffix; `''` for a scanner set to send none. */
  ending?: '\r' | '\n' | '\r\n' | '\t' | '';
}

/**
 * A serial scanner on a real pty: each scan goes out as the bytes a USB CDC scanner sends (optional
 * AIM prefix, UTF-8 or GB18030 content, CR/LF ending), so the driver under test is production code.
 */
export class ScannerSimulator {
  private constructor(private readonly link: PtyLink) {}

  static async start(): Promise<ScannerSimulator> {
    return new ScannerSimulator(await openPtyLink());
  }

  get path(): string {
    return this.link.path;
  }

  scan(scan: SimulatedScan): void {
    this.sendRaw(ScannerSimulator.encode(scan));
  }

  /**
   * One scan in several writes, `pauseMs` apart, cut at `cuts` (byte offsets): a pty hands the
   * driver whatever one write put in, so this is how a read ending mid-code is reproduced.
   */
  async sendInPieces(bytes: Uint8Array, cuts: number[], pauseMs = 5): Promise<void> {
    let prev = 0;
    for (const cut of [...cuts, bytes.length]) {
      if (cut > prev) this.sendRaw(bytes.subarray(prev, cut));
      prev = Math.max(prev, cut);
      if (cut < bytes.length) await new Promise((r) => setTimeout(r, pauseMs));
    }
  }

  /** Any bytes, for fault injection (over-long lines, split lines, garbage). */
  sendRaw(bytes: Uint8Array): void {
    this.link.write(bytes);
  }

  /** Unplug: the pty disappears and the driver's port closes. */
  close(): Promise<void> {
    return this.link.close();
  }

  static encode(scan: SimulatedScan): Buffer {
    const body = encodeScanText(scan.text, scan.encoding ?? 'utf8');
    return Buffer.concat([Buffer.from(scan.aimId ?? '', 'latin1'), body, Buffer.from(scan.ending ?? '\r\n', 'latin1')]);
  }
}
