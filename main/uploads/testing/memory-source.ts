import crypto from 'node:crypto';
import type { PendingBlob, UploadSource } from '../source';

/**
 * An upload source whose blobs are Buffers in memory, for the upload bench: the raw PUT it is
 * compared with sends bytes from memory too. Reading and unsealing a material file is the store's
 * cost, the same for any transport (the product's source is the sealed material store).
 */
export class MemorySource implements UploadSource {
  private readonly blobs = new Map<string, { pending: PendingBlob; bytes: Buffer }>();
  readonly confirmedShas: string[] = [];

  add(bytes: Buffer, link: { caseId: string; materialCode: string }): PendingBlob {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const pending = { sha256, size: bytes.length, links: [link] };
    this.blobs.set(sha256, { pending, bytes });
    return pending;
  }

  async pending(): Promise<PendingBlob[]> {
    return [...this.blobs.values()].map((b) => b.pending);
  }

  async open(sha256: string): Promise<Buffer | null> {
    return this.blobs.get(sha256)?.bytes ?? null;
  }

  async confirmed(sha256: string): Promise<void> {
    this.confirmedShas.push(sha256);
    this.blobs.delete(sha256);
  }
}
