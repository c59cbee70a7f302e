import crypto from 'node:crypto';

/** How much of the next chunk one `advance()` hashes: small enough to run between two socket writes. */
const STEP_BYTES = 1024 * 1024;

/**
 * The `Upload-Checksum` digests (base64 SHA-256) of one blob's chunks. A chunk that is the whole
 * blob costs nothing: its digest is the blob's own SHA-256, which the source checked when it opened
 * the blob. For the others, the next chunk is hashed a step at a time while the current one is on
 * the wire (`advance`, called by the HTTP stack between writes), so the window seldom waits for a
 * hash before it sends.
 */
export class ChunkDigests {
  private next: { offset: number; length: number; hash: crypto.Hash; done: number } | null = null;

  constructor(
    private readonly bytes: Buffer,
    private readonly chunkSize: number,
    private readonly sha256Hex: string,
  ) {}

  /** The digest of the chunk at `offset` of `length` bytes; the one after it is prepared by `advance`. */
  digest(offset: number, length: number): string {
    const whole = offset === 0 && length === this.bytes.length;
    let digest: string;
    if (whole) digest = Buffer.from(this.sha256Hex, 'hex').toString('base64');
    else {
      const ready = this.next && this.next.offset === offset && this.next.length === length ? this.next : { offset, length, hash: crypto.createHash('sha256'), done: 0 };
      digest = ready.hash.update(this.bytes.subarray(offset + ready.done, offset + length)).digest('base64');
    }
    const after = offset + length;
    this.next = after < this.bytes.length ? { offset: after, length: Math.min(this.chunkSize, this.bytes.length - after), hash: crypto.createHash('sha256'), done: 0 } : null;
    return digest;
  }

  /** Hashes one more step of the next chunk. */
  advance(): void {
    const n = this.next;
    if (!n || n.done >= n.length) return;
    const step = Math.min(STEP_BYTES, n.length - n.done);
    n.hash.update(this.bytes.subarray(n.offset + n.done, n.offset + n.done + step));
    n.done += step;
  }
}
