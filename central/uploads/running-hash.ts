import crypto from 'node:crypto';

const KEPT = 1_000;

/**
 * The SHA-256 of each upload so far, fed with every chunk the store took, so the whole-file check at
 * the end needs no second read of the file. Memory only: after a restart (or for a chunk sent
 * without a checksum) the upload has no entry and the file is hashed from the store instead.
 */
export class RunningHashes {
  private readonly done = new Map<string, { offset: number; hash: crypto.Hash }>();
  private readonly next = new Map<string, { offset: number; hash: crypto.Hash }>();

  /** A chunk at `offset` is about to be written: its hash after it, if the bytes before are known. */
  propose(id: string, offset: number, chunk: Buffer): void {
    const known = this.done.get(id) ?? (offset === 0 ? { offset: 0, hash: crypto.createHash('sha256') } : undefined);
    this.next.delete(id);
    if (!known || known.offset !== offset) return;
    this.next.set(id, { offset: offset + chunk.length, hash: known.hash.copy().update(chunk) });
  }

  /** The store answered with `offset`: keep the proposal if it is where it got to. */
  settle(id: string, offset: number | null): void {
    const proposed = this.next.get(id);
    this.next.delete(id);
    if (proposed && proposed.offset === offset) this.done.set(id, proposed);
    else this.done.delete(id);
    if (this.done.size > KEPT) this.done.delete(this.done.keys().next().value!);
  }

  /** The hex digest of the first `size` bytes, when known (read during the store's finish hook). */
  digestAt(id: string, size: number): string | null {
    const h = this.next.get(id) ?? this.done.get(id);
    return h && h.offset === size ? h.hash.copy().digest('hex') : null;
  }

  forget(id: string): void {
    this.next.delete(id);
    this.done.delete(id);
  }
}
