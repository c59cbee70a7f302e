import { SCAN_GAP_MS, SCAN_SUFFIXES, type ScanSuffix } from '../../common/contract/scan-framing';
import { BoundedChunks } from './bounded-chunks';
import { ScannerError } from './scan-result';

/**
 * Idle time that ends a scan. A scanner sends a code in one burst: at 9600 baud a byte takes
 * 1.04 ms, and USB-serial bridges hold bytes up to their latency timer (FTDI: 16 ms) before a
 * read sees them, so gaps inside one code stay well under 20 ms; nobody scans two codes 50 ms
 * apart (scanners also refuse the same code again for ~0.5 s). 50 ms is 3× the worst bridge
 * delay and still invisible to the clerk.
 */
export const DEFAULT_SCAN_GAP_MS = SCAN_GAP_MS.default;

/** Longest scan kept by default: a dense QR holds ~2.9 KB; anything past 8 KB is noise or a stuck device. */
export const DEFAULT_MAX_SCAN_BYTES = 8192;

export interface ScanFraming {
  suffix?: ScanSuffix;
  gapMs?: number;
  maxScanBytes?: number;
}

export type FrameItem = { bytes: Buffer } | { error: ScannerError };

const CR = 0x0d;
const LF = 0x0a;
const SUFFIX_BYTES: Record<Exclude<ScanSuffix, 'auto' | 'none'>, Buffer> = {
  CR: Buffer.from([CR]),
  LF: Buffer.from([LF]),
  CRLF: Buffer.from([CR, LF]),
  TAB: Buffer.from([0x09]),
};

/**
 * Cuts a serial scanner's byte stream into scans by its configured suffix and the idle gap, never
 * by any CR/LF, so a multi-line QR code (licence number, name, credit code on lines of their own)
 * stays one scan. The rules:
 *
 * - A suffix followed by more bytes (in the same read, or in one within the gap) is content.
 * - A single-line scan (no CR/LF before the suffix) ends at once on its configured suffix: no
 *   added latency for the common case.
 * - A scan that already holds a line break, a scan under `auto` or `none`, and a scan whose suffix
 *   never came end when the line has been idle for the gap.
 * - Line breaks at either end of a scan are dropped (they are the suffix, or noise); the ones
 *   inside are kept as sent.
 *
 * Limit, by construction: under an explicit suffix, a code whose line breaks begin with the suffix
 * (bare CR breaks with suffix CR, LF CR breaks with suffix LF) is cut if a read happens to end
 * right after its first break: that moment looks exactly like a single-line scan's end, and
 * waiting to tell them apart would add the gap to every scan. For such codes set the scanner's
 * suffix to CRLF, TAB or none, or leave the setting on `auto`, which waits the gap and is safe.
 *
 * Pure and time-injected: the caller passes `now` and calls `idle` at `deadline()`.
 */
export class ScanFramer {
  private readonly held: BoundedChunks;
  private lastAt = 0;
  readonly suffix: ScanSuffix;
  readonly gapMs: number;
  private readonly maxBytes: number;
  private readonly terminator: Buffer | null;

  constructor(options: ScanFraming = {}) {
    this.suffix = options.suffix ?? 'auto';
    this.gapMs = options.gapMs ?? DEFAULT_SCAN_GAP_MS;
    this.maxBytes = options.maxScanBytes ?? DEFAULT_MAX_SCAN_BYTES;
    this.held = new BoundedChunks(this.maxBytes);
    if (!SCAN_SUFFIXES.includes(this.suffix)) throw new Error(`扫码枪结尾符设置无效：${String(this.suffix)}`);
    if (!(this.gapMs > 0)) throw new Error(`扫码间隔设置无效：${this.gapMs} 毫秒`);
    this.terminator = this.suffix === 'auto' || this.suffix === 'none' ? null : SUFFIX_BYTES[this.suffix];
  }

  push(chunk: Uint8Array, now: number): FrameItem[] {
    const out: FrameItem[] = [];
    if (chunk.length === 0) return out;
    // A read after the gap belongs to a new scan even if the idle timer has not run yet.
    if (this.pending() && now - this.lastAt > this.gapMs) this.finish(out);
    this.lastAt = now;
    this.take(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), out);
    if (this.endsOnSuffixNow()) this.finish(out);
    return out;
  }

  /** When the caller should call `idle` if no bytes come first; null when nothing is pending. */
  deadline(): number | null {
    return this.pending() ? this.lastAt + this.gapMs : null;
  }

  idle(now: number): FrameItem[] {
    const out: FrameItem[] = [];
    if (this.pending() && now - this.lastAt >= this.gapMs) this.finish(out);
    return out;
  }

  /** Bytes held for an unfinished scan (diagnostics). */
  get pendingBytes(): number {
    return this.held.size;
  }

  reset(): void {
    this.held.clear();
  }

  private pending(): boolean {
    return this.held.size > 0 || this.held.discarding;
  }

  private take(bytes: Buffer, out: FrameItem[]): void {
    if (!this.held.add(bytes))
      out.push({
        error: new ScannerError(
          'LINE_TOO_LONG',
          `扫码内容超过 ${this.maxBytes} 字节仍未结束，已丢弃这一次扫码。请检查扫码枪的结尾符设置与“设备”中设置的是否一致。`,
        ),
      });
  }

  /** The configured suffix ends the held bytes and nothing before it is a line break. */
  private endsOnSuffixNow(): boolean {
    const t = this.terminator;
    const { parts, size } = this.held;
    if (!t || size < t.length) return false;
    const last = parts[parts.length - 1]!;
    // The suffix is one or two bytes; a CR LF may straddle two reads.
    for (let i = 1; i <= t.length; i++) if (this.byteFromEnd(i, last) !== t[t.length - i]) return false;
    const limit = size - t.length;
    let offset = 0;
    for (const p of parts) {
      if (offset >= limit) break;
      const before = p.subarray(0, Math.min(p.length, limit - offset));
      if (before.indexOf(CR) >= 0 || before.indexOf(LF) >= 0) return false;
      offset += p.length;
    }
    return true;
  }

  private byteFromEnd(i: number, last: Buffer): number | undefined {
    if (i <= last.length) return last[last.length - i];
    const prev = this.held.parts[this.held.parts.length - 2];
    return prev?.[prev.length - (i - last.length)];
  }

  private finish(out: FrameItem[]): void {
    const all = this.held.takeAll();
    if (!all) return;
    const bytes = trimLineBreaks(this.terminator && endsWith(all, this.terminator) ? all.subarray(0, all.length - this.terminator.length) : all);
    if (bytes.length > 0) out.push({ bytes });
  }
}

/** A scan without the CR/LF at its ends (a suffix, or noise); the line breaks inside stay. */
export function trimLineBreaks(buf: Buffer): Buffer {
  let end = buf.length;
  while (end > 0 && isBreak(buf[end - 1]!)) end--;
  let start = 0;
  while (start < end && isBreak(buf[start]!)) start++;
  return buf.subarray(start, end);
}

function isBreak(b: number): boolean {
  return b === CR || b === LF;
}

function endsWith(buf: Buffer, tail: Buffer): boolean {
  return buf.length >= tail.length && buf.subarray(buf.length - tail.length).equals(tail);
}
