/**
 * GA 467 framing: `AA AA AA 96 69 | LEN_H LEN_L | body… | CHK`, LEN counting every byte after itself
 * (CHK included), CHK the XOR of LEN_H..last body byte. A streaming decoder: bytes in any chunking,
 * garbage skipped up to the next preamble, every problem yielded as data — it never throws on input
 * and its buffer never exceeds one maximal frame.
 */

export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Largest LEN accepted (a `30 10` read is ~2.3 KB; anything far beyond is a corrupt length). */
export const MAX_LEN = 8192;
const HEADER = 7; // preamble + LEN

export type FrameEvent =
  | { kind: 'frame'; body: Uint8Array }
  | { kind: 'garbage'; bytes: number }
  | { kind: 'badChecksum'; expected: number; actual: number; length: number }
  | { kind: 'badLength'; length: number }
  | { kind: 'timeout'; pendingBytes: number };

export function xorChecksum(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i]!;
  return x;
}

/** Build a full frame around `body` (CMD PARA DATA or SW1 SW2 SW3 DATA). */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  const out = new Uint8Array(HEADER + len);
  out.set(PREAMBLE, 0);
  out[5] = (len >> 8) & 0xff;
  out[6] = len & 0xff;
  out.set(body, HEADER);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

export class FrameDecoder {
  private buf: Uint8Array;
  private start = 0;
  private end = 0;

  /** `minLen`: smallest valid LEN (3 for commands, 4 for responses). */
  constructor(private readonly minLen: number) {
    this.buf = new Uint8Array(HEADER + MAX_LEN);
  }

  /** Bytes held waiting for the rest of a frame (or a preamble). */
  get pending(): number {
    return this.end - this.start;
  }

  /** Capacity of the internal buffer: the bound on memory whatever the input. */
  get capacity(): number {
    return this.buf.length;
  }

  reset(): void {
    this.start = this.end = 0;
  }

  push(chunk: Uint8Array): FrameEvent[] {
    const out: FrameEvent[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      this.compact();
      const n = Math.min(chunk.length - offset, this.buf.length - this.end);
      this.buf.set(chunk.subarray(offset, offset + n), this.end);
      this.end += n;
      offset += n;
      this.parse(out);
    }
    return out;
  }

  /**
   * The answer did not arrive in time: give up on the partial frame, report it, and rescan what
   * followed its preamble (a corrupt LEN must not swallow the good frames after it).
   */
  expire(): FrameEvent[] {
    const out: FrameEvent[] = [];
    if (this.pending === 0) return out;
    out.push({ kind: 'timeout', pendingBytes: this.pending });
    if (this.startsWithPreamble()) this.start += 1;
    this.parse(out);
    // Whatever is left cannot complete a frame on its own now: drop it so the next answer starts clean.
    if (this.pending > 0 && this.startsWithPreamble()) {
      this.reset();
    }
    return out;
  }

  private startsWithPreamble(): boolean {
    return this.pending >= PREAMBLE.length && this.isPreambleAt(this.start);
  }

  private compact(): void {
    if (this.start === 0) return;
    this.buf.copyWithin(0, this.start, this.end);
    this.end -= this.start;
    this.start = 0;
  }

  private isPreambleAt(i: number): boolean {
    const b = this.buf;
    return b[i] === 0xaa && b[i + 1] === 0xaa && b[i + 2] === 0xaa && b[i + 3] === 0x96 && b[i + 4] === 0x69;
  }

  /** Index of the next full preamble at or after `from`, or -1. */
  private findPreamble(from: number): number {
    const b = this.buf;
    let i = from;
    while (i + PREAMBLE.length <= this.end) {
      const j = b.indexOf(0xaa, i);
      if (j === -1 || j + PREAMBLE.length > this.end) return -1;
      if (this.isPreambleAt(j)) return j;
      i = j + 1;
    }
    return -1;
  }

  /** Length of the longest tail of the buffer that could still grow into a preamble. */
  private preamblePrefixTail(): number {
    for (let k = Math.min(PREAMBLE.length - 1, this.pending); k > 0; k--) {
      let match = true;
      for (let t = 0; t < k; t++) if (this.buf[this.end - k + t] !== PREAMBLE[t]) match = false;
      if (match) return k;
    }
    return 0;
  }

  private parse(out: FrameEvent[]): void {
    for (;;) {
      const at = this.findPreamble(this.start);
      if (at === -1) {
        const keep = this.preamblePrefixTail();
        const skipped = this.pending - keep;
        if (skipped > 0) out.push({ kind: 'garbage', bytes: skipped });
        this.start = this.end - keep;
        if (this.start === this.end) this.start = this.end = 0;
        return;
      }
      if (at > this.start) {
        out.push({ kind: 'garbage', bytes: at - this.start });
        this.start = at;
      }
      if (this.pending < HEADER) return;
      const len = (this.buf[this.start + 5]! << 8) | this.buf[this.start + 6]!;
      if (len < this.minLen || len > MAX_LEN) {
        out.push({ kind: 'badLength', length: len });
        this.start += 1; // resync on the next preamble
        continue;
      }
      const total = HEADER + len;
      if (this.pending < total) return;
      const chkAt = this.start + total - 1;
      const expected = xorChecksum(this.buf, this.start + 5, chkAt);
      const actual = this.buf[chkAt]!;
      if (expected !== actual) {
        out.push({ kind: 'badChecksum', expected, actual, length: len });
        this.start += 1;
        continue;
      }
      out.push({ kind: 'frame', body: this.buf.slice(this.start + HEADER, chkAt) });
      this.start += total;
      if (this.start === this.end) this.start = this.end = 0;
    }
  }
}
