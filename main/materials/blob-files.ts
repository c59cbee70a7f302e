import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/chain';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { DB } from '../db/schema';
import { blobRetentionAllowsDelete, expiredLocalCopies } from '../retention/blob-retention';
import { BlobCorruptError, BlobMissingError, type DeleteOutcome, type MaterialBlobStore, type PendingUpload } from './blob-store';
import { blobPath } from './paths';
import { writeAtomic, type StoreFs } from './sealed-files';

export const sha256Hex = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** Sealed material PDFs on disk plus their `material_blob` rows: the store the uploader reads. */
export class BlobFiles implements MaterialBlobStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly pii: PiiCipher,
    private readonly dir: string,
    private readonly fsx: StoreFs,
    private readonly retentionDays: () => number,
  ) {}

  /** Stores a plaintext PDF sealed under its hash (a file already there is kept: same hash, same content). */
  put(plain: Uint8Array): { sha256: string; sealedSize: number } {
    const sha256 = sha256Hex(plain);
    const file = blobPath(this.dir, sha256);
    if (fs.existsSync(file)) return { sha256, sealedSize: fs.statSync(file).size };
    const sealed = this.pii.sealBytes(plain);
    writeAtomic(this.fsx, file, sealed);
    return { sha256, sealedSize: sealed.length };
  }

  async listPendingUploads(limit = 100): Promise<PendingUpload[]> {
    const blobs = await this.db
      .selectFrom('material_blob as b')
      .select(['b.sha256', 'b.size', 'b.pages', 'b.created_at'])
      .where('b.upload_state', '=', 'pending')
      .orderBy('b.created_at')
      .orderBy('b.sha256')
      .limit(limit)
      .execute();
    if (blobs.length === 0) return [];
    const links = await this.db
      .selectFrom('case_material_file')
      .select(['sha256', 'case_id', 'material_code', 'linked_at'])
      .where('sha256', 'in', blobs.map((b) => b.sha256))
      .orderBy('linked_at')
      .execute();
    return blobs.flatMap((b) => {
      const mine = links.filter((l) => l.sha256 === b.sha256).map((l) => ({ caseId: l.case_id, materialCode: l.material_code }));
      if (mine.length === 0) return [];
      return [{ sha256: b.sha256, size: b.size, pages: b.pages, caseId: mine[0]!.caseId, materialCode: mine[0]!.materialCode, links: mine, linkedAt: b.created_at }];
    });
  }

  async readBlob(sha256: string): Promise<Buffer> {
    let sealed: Buffer;
    try {
      sealed = await fs.promises.readFile(blobPath(this.dir, sha256));
    } catch {
      throw new BlobMissingError(sha256);
    }
    const plain = this.pii.openBytes(sealed);
    if (sha256Hex(plain) !== sha256) throw new BlobCorruptError(sha256);
    return plain;
  }

  async openReadStream(sha256: string): Promise<Readable> {
    const plain = await this.readBlob(sha256);
    // 64 KiB chunks: a consumer sees a stream like a file's, not one multi-MB chunk.
    return Readable.from((function* () {
      for (let i = 0; i < plain.length; i += 65_536) yield plain.subarray(i, i + 65_536);
    })());
  }

  async markBlobUploaded(sha256: string, at = new Date()): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('material_blob').select('upload_state').where('sha256', '=', sha256).executeTakeFirst();
      if (!row) return false;
      if (row.upload_state === 'uploaded') return true;
      await trx.updateTable('material_blob').set({ upload_state: 'uploaded', uploaded_at: at.toISOString() }).where('sha256', '=', sha256).execute();
      await appendAudit(trx, { actor: 'system', action: 'materials.uploaded', subject: sha256 });
      return true;
    });
  }

  async deleteLocalIfAllowed(sha256: string, now = new Date()): Promise<DeleteOutcome> {
    const row = await this.db.selectFrom('material_blob').select(['upload_state', 'local_deleted_at']).where('sha256', '=', sha256).executeTakeFirst();
    if (!row || row.local_deleted_at) return { deleted: false, reason: 'missing' };
    if (row.upload_state !== 'uploaded') return { deleted: false, reason: 'not-uploaded' };
    if (!(await blobRetentionAllowsDelete(this.db, sha256, { days: this.retentionDays(), now }))) return { deleted: false, reason: 'retention' };
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('material_blob').set({ local_deleted_at: now.toISOString() }).where('sha256', '=', sha256).execute();
      await appendAudit(trx, { actor: 'system', action: 'materials.localDelete', subject: sha256 });
    });
    fs.rmSync(blobPath(this.dir, sha256), { force: true });
    return { deleted: true };
  }

  /** Local copies of uploaded files whose retention ended (at start; the uploader also asks per blob when it confirms). */
  async deleteExpiredUploads(now = new Date()): Promise<number> {
    // One query finds the expired copies among the held ones; each is checked again as it goes.
    const expired = await expiredLocalCopies(this.db, { days: this.retentionDays(), now });
    let deleted = 0;
    for (const sha256 of expired) if ((await this.deleteLocalIfAllowed(sha256, now)).deleted) deleted++;
    return deleted;
  }

  /**
   * At start: sealed files no row names (a decision that failed or was killed after its files were
   * stored), older than `graceMs` so a decision preparing right now is not robbed.
   */
  async sweepOrphans(graceMs: number, now = new Date()): Promise<number> {
    if (!fs.existsSync(this.dir)) return 0;
    let removed = 0;
    for (const sub of fs.readdirSync(this.dir)) {
      const folder = `${this.dir}/${sub}`;
      if (!fs.statSync(folder).isDirectory()) continue;
      const names = fs.readdirSync(folder);
      // The rows of the files on disk only: the cost follows the copies held, not every file of the
      // years the table remembers (it read all their hashes into memory at each start).
      const known = await this.existingRows(names.filter((n) => !n.startsWith('.tmp-')));
      for (const name of names) {
        if (name.startsWith('.tmp-') || known.has(name)) continue;
        const file = `${folder}/${name}`;
        if (now.getTime() - fs.statSync(file).mtimeMs < graceMs) continue;
        fs.rmSync(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Which of these hashes have a material_blob row. */
  private async existingRows(hashes: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let i = 0; i < hashes.length; i += 500) {
      const rows = await this.db.selectFrom('material_blob').select('sha256').where('sha256', 'in', hashes.slice(i, i + 500)).execute();
      for (const r of rows) known.add(r.sha256);
    }
    return known;
  }
}
