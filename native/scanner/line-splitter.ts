import { BoundedChunks } from './bounded-chunks';
import { ScannerError } from './scan-result';

const CR = 0x0d;
const LF = 0x0a;

/** Longest line kept by default: a dense QR holds ~2.9 KB; anything past 8 KB is noise or a stuck device. */
export const DEFAULT_MAX_LINE_BYTES = 8192;

export type SplitItem = { line: Buffer } | { error: ScannerError };

/**
 * Cuts a serial byte stream into lines ended by CR, LF or CR LF, across chunk boundaries (a CR at
 * the end of one chunk and its LF at the start of the next end one line, not two). A line longer
 * than the limit is reported once and its bytes dropped up to the next line end, so one bad scan
 * never takes the memory or the scans after it.
 */
export class LineSplitter {
  private readonly held: BoundedChunks;
  private afterCR = false;

  constructor(private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES) {
    this.held = new BoundedChunks(maxLineBytes);
  }

  push(chunk: Uint8Array): SplitItem[] {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: SplitItem[] = [];
    let start = 0;
    if (this.afterCR && buf.length > 0) {
      if (buf[0] === LF) start = 1;
      this.afterCR = false;
    }
    // indexOf runs natively; a per-byte JS loop was the decoder's main cost.
    let cr = buf.indexOf(CR, start);
    let lf = buf.indexOf(LF, start);
    while (cr >= 0 || lf >= 0) {
      const i = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      this.take(buf.subarray(start, i), out);
      this.endLine(out);
      let next = i + 1;
      if (i === cr) {
        if (next < buf.length) {
          if (buf[next] === LF) next++;
        } else {
          this.afterCR = true;
        }
      }
      start = next;
      if (cr >= 0 && cr < start) cr = buf.indexOf(CR, start);
      if (lf >= 0 && lf < start) lf = buf.indexOf(LF, start);
    }
    if (start < buf.length) this.take(buf.subarray(start), out);
    return out;
  }

  /** Bytes held for an unfinished line (diagnostics). */
  get pendingBytes(): number {
    return this.held.size;
  }

  reset(): void {
    this.held.clear();
    this.afterCR = false;
  }

  private take(bytes: Buffer, out: SplitItem[]): void {
    if (bytes.length === 0) return;
    if (!this.held.add(bytes))
      out.push({
        error: new ScannerError(
          'LINE_TOO_LONG',
          `扫码内容超过 ${this.maxLineBytes} 字节仍未结束，已丢弃这一行。请检查扫码枪是否设置了回车（CR/LF）结尾。`,
        ),
      });
  }

  private endLine(out: SplitItem[]): void {
    // null: a dropped overlong line, or a blank one (CR LF pairs split oddly, or a scanner sending LF CR)
    const line = this.held.takeAll();
    if (line) out.push({ line });
  }
}
