/**
 * The hall window caller's frame (PROTOCOL.md beside this file):
 *
 *     FF 68 L L 68 ADDR FUNC DATA… CHK 16
 *
 * `FF` wakes the RS-485 line; `L` (twice, so one corrupted copy is caught) counts ADDR + FUNC +
 * DATA; CHK is the sum of every byte from the second `68` through the last DATA byte, mod 256.
 */

export const WAKE = 0xff;
export const START = 0x68;
export const END = 0x16;
/** The most bytes ADDR + FUNC + DATA may take (L is one byte). */
export const MAX_BODY = 255;

export interface CallerFrame {
  /** The caller's bus address, 1–254 (0 and 255 are not used). */
  addr: number;
  func: number;
  data: Uint8Array;
}

/** Bytes of one frame on the wire (for wire-time arithmetic): FF + 68 L L 68 + body + CHK 16. */
export function frameLength(dataBytes: number): number {
  return 1 + 4 + 2 + dataBytes + 2;
}

export function checksum(addr: number, func: number, data: Uint8Array): number {
  let sum = START + addr + func;
  for (const b of data) sum += b;
  return sum & 0xff;
}

export function encodeFrame(f: CallerFrame): Uint8Array {
  const body = 2 + f.data.length;
  if (body > MAX_BODY) throw new Error(`叫号器帧过长：数据 ${f.data.length} 字节，最多 ${MAX_BODY - 2} 字节`);
  if (!Number.isInteger(f.addr) || f.addr < 1 || f.addr > 254) throw new Error(`叫号器地址无效：${f.addr}（应为 1–254）`);
  const out = new Uint8Array(frameLength(f.data.length));
  out.set([WAKE, START, body, body, START, f.addr, f.func], 0);
  out.set(f.data, 7);
  out[7 + f.data.length] = checksum(f.addr, f.func, f.data);
  out[8 + f.data.length] = END;
  return out;
}

export type DecodedItem = { frame: CallerFrame } | { error: 'checksum' | 'end' };

/**
 * Reassembles frames from arbitrary chunks. Garbage (wake bytes, line noise, a header whose two
 * length bytes differ) is skipped silently; a well-formed header whose frame has a bad checksum or
 * no end byte is reported and the search resumes one byte after its first `68`, so a real frame hidden inside the
 * broken one is still found. The buffer is bounded: it never holds more than one maximal frame.
 */
export class FrameDecoder {
  private buf = new Uint8Array(0);

  push(chunk: Uint8Array): DecodedItem[] {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf, 0);
    joined.set(chunk, this.buf.length);
    const out: DecodedItem[] = [];
    let i = 0;
    while (i < joined.length) {
      if (joined[i] !== START) {
        i++;
        continue;
      }
      if (joined.length - i < 4) break; // need 68 L L 68
      const len = joined[i + 1]!;
      // Not a header (a stray 68 in line noise, or a corrupted length): garbage, skipped silently.
      if (len !== joined[i + 2] || joined[i + 3] !== START || len < 2) {
        i++;
        continue;
      }
      const total = 4 + len + 2;
      if (joined.length - i < total) break;
      const addr = joined[i + 4]!;
      const func = joined[i + 5]!;
      const data = joined.slice(i + 6, i + 4 + len);
      if (joined[i + 4 + len + 1] !== END) {
        out.push({ error: 'end' });
        i++;
        continue;
      }
      if (joined[i + 4 + len] !== checksum(addr, func, data)) {
        out.push({ error: 'checksum' });
        i++;
        continue;
      }
      out.push({ frame: { addr, func, data } });
      i += total;
    }
    // Keep only what may still become a frame (from the next start byte on).
    let keep = i;
    while (keep < joined.length && joined[keep] !== START) keep++;
    this.buf = joined.slice(keep);
    return out;
  }

  /** Bytes held while waiting for the rest of a frame. */
  get pending(): number {
    return this.buf.length;
  }

  reset(): void {
    this.buf = new Uint8Array(0);
  }
}
