import type { Kysely } from 'kysely';
import type { BlobRef } from '../../common/sync/api';
import type { CentralDB } from '../db/schema';
import { recordReceivedBlobs, type VerifiedBlob } from '../store/blobs';

export interface ReceiptDeps {
  db: Kysely<CentralDB>;
  /** fdatasync of one upload's file. */
  persistFile(uploadId: string): Promise<void>;
  /** fsync of the uploads folder (the files' entries). */
  persistFolder(): Promise<void>;
}

interface Receipt {
  blob: VerifiedBlob;
  link: BlobRef;
  /** The file's own flush, started when the blob was handed in. */
  synced: Promise<void>;
  done(r: { duplicate: boolean }): void;
  fail(err: unknown): void;
}

/**
 * Group commit of received blobs. A blob is answered only after its file, its folder entry and its
 * record are on disk (once received, the window may delete its copy), but the disk flushes are
 * shared: each file's fdatasync starts as soon as its whole file is verified (beside the other
 * uploads still arriving), and the blobs verified while one group is being committed go together in
 * the next one — one folder fsync and one database commit for all of them instead of one per blob.
 */
export class Receipts {
  private queue: Receipt[] = [];
  private draining = false;

  constructor(private readonly d: ReceiptDeps) {}

  /** Resolves once the blob is durable and recorded (`duplicate`: another upload holds these bytes). */
  record(blob: VerifiedBlob, link: BlobRef): Promise<{ duplicate: boolean }> {
    const synced = this.d.persistFile(blob.uploadId);
    synced.catch(() => undefined);
    return new Promise((done, fail) => {
      this.queue.push({ blob, link, synced, done, fail });
      // Started after this tick: blobs handed in together make one group.
      if (!this.draining) {
        this.draining = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0);
      const flushed = await Promise.allSettled(group.map((r) => r.synced));
      // A file that could not be flushed fails its own blob only.
      const ready = group.filter((r, i) => {
        const f = flushed[i]!;
        if (f.status === 'rejected') r.fail(f.reason);
        return f.status === 'fulfilled';
      });
      if (ready.length === 0) continue;
      try {
        await this.d.persistFolder();
        const results = await recordReceivedBlobs(this.d.db, ready.map((r) => ({ blob: r.blob, link: r.link })));
        ready.forEach((r, i) => r.done(results[i]!));
      } catch (err) {
        // Nothing of the group was recorded: each window asks again (blobConfirm finalizes it then).
        for (const r of ready) r.fail(err);
      }
    }
    this.draining = false;
  }
}
