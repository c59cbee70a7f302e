import crypto from 'node:crypto';

const KEPT = 1_000;

/**
 * The SHA-256 state of each upload so far, fed by the chunk writer as the bytes stream to the store,
 * so the whole-file check at the end needs no second read of the file. Memory only (a hash state
 * cannot be saved): after a restart, or after a chunk it did not see through, the upload has no
 * entry and the file is hashed from the store instead.
 */
export class RunningHashes {
  private readonly states = new Map<string, { offset: number; hash: crypto.Hash }>();

  /** A state to feed with a chunk at `offset` (a copy: nothing changes until `commit`), or null when the bytes before are unknown. */
  startAt(id: string, offset: number): crypto.Hash | null {
    if (offset === 0) return crypto.createHash('sha256');
    const known = this.states.get(id);
    return known && known.offset === offset ? known.hash.copy() : null;
  }

  /** The store took the bytes up to `offset`, and `hash` saw all of them (null: it did not). */
  commit(id: string, offset: number, hash: crypto.Hash | null): void {
    this.states.delete(id);
    if (!hash) return;
    this.states.set(id, { offset, hash });
    if (this.states.size > KEPT) this.states.delete(this.states.keys().next().value!);
  }

  /** The hex digest of the first `size` bytes, when known. */
  digestAt(id: string, size: number): string | null {
    const h = this.states.get(id);
    return h && h.offset === size ? h.hash.copy().digest('hex') : null;
  }

  forget(id: string): void {
    this.states.delete(id);
  }
}
