/**
 * The bytes of one unfinished scan or line, held as copied chunks up to a byte limit. Past the
 * limit they are dropped, and so is everything up to the end that follows: one bad scan never takes
 * the memory or the scans after it. The caller says what overflow means (its own message).
 */
export class BoundedChunks {
  parts: Buffer[] = [];
  size = 0;
  discarding = false;

  constructor(readonly maxBytes: number) {}

  /** Holds a copy of `bytes` (the chunk's memory belongs to the stream); false when this overflowed. */
  add(bytes: Buffer): boolean {
    if (this.discarding) return true;
    if (this.size + bytes.length > this.maxBytes) {
      this.clear();
      this.discarding = true;
      return false;
    }
    this.parts.push(Buffer.from(bytes));
    this.size += bytes.length;
    return true;
  }

  /** The end came: the held bytes, or null when there are none or they were dropped (dropping ends here). */
  takeAll(): Buffer | null {
    if (this.discarding) {
      this.discarding = false;
      return null;
    }
    if (this.size === 0) return null;
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.clear();
    return all;
  }

  clear(): void {
    this.parts = [];
    this.size = 0;
    this.discarding = false;
  }
}
