import type { Kysely } from 'kysely';
import type { BlobRef } from '../../common/sync/api';
import type { CentralDB } from '../db/schema';

export interface VerifiedBlob {
  sha256: string;
  size: number;
  uploadId: string;
  deviceId: string;
}

/**
 * Records blobs whose whole files the central hashed (and made durable), each with its case link,
 * in one transaction (a group commit: one disk flush for all). The primary key is the exactly-once:
 * a second upload of the same sha256 adds at most a link and answers `duplicate` (its bytes are then
 * deleted by the caller; the first upload keeps them).
 */
export async function recordReceivedBlobs(db: Kysely<CentralDB>, received: Array<{ blob: VerifiedBlob; link: BlobRef }>): Promise<Array<{ duplicate: boolean }>> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const results: Array<{ duplicate: boolean }> = [];
    for (const { blob, link } of received) {
      const inserted = await trx
        .insertInto('received_blobs')
        .values({ sha256: blob.sha256, size: blob.size, upload_id: blob.uploadId, device_id: blob.deviceId, received_at: at })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .returning('upload_id')
        .executeTakeFirst();
      // Held already: by this upload (recorded before, its answer lost) or by another one (a duplicate).
      const kept = inserted ?? (await trx.selectFrom('received_blobs').select('upload_id').where('sha256', '=', blob.sha256).executeTakeFirstOrThrow());
      await insertLink(trx, link, blob.deviceId, at);
      results.push({ duplicate: kept.upload_id !== blob.uploadId });
    }
    return results;
  });
}

/** The confirmation a window asks for before it deletes its copy: held (and now linked to `ref`'s case) or not. */
export async function linkIfReceived(db: Kysely<CentralDB>, ref: BlobRef, deviceId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('received_blobs').select('sha256').where('sha256', '=', ref.sha256).executeTakeFirst();
    if (!row) return false;
    await insertLink(trx, ref, deviceId, new Date().toISOString());
    return true;
  });
}

async function insertLink(db: Kysely<CentralDB>, ref: BlobRef, deviceId: string, at: string): Promise<void> {
  await db
    .insertInto('blob_links')
    .values({ sha256: ref.sha256, case_id: ref.caseId, material_code: ref.materialCode, device_id: deviceId, linked_at: at })
    .onConflict((oc) => oc.columns(['sha256', 'case_id', 'material_code']).doNothing())
    .execute();
}

export async function listReceivedBlobs(db: Kysely<CentralDB>): Promise<Array<{ sha256: string; size: number; uploadId: string; links: number }>> {
  const rows = await db
    .selectFrom('received_blobs as b')
    .leftJoin('blob_links as l', 'l.sha256', 'b.sha256')
    .select((eb) => ['b.sha256', 'b.size', 'b.upload_id', eb.fn.count<string | number>('l.case_id').as('links')])
    .groupBy(['b.sha256', 'b.size', 'b.upload_id'])
    .orderBy('b.sha256')
    .execute();
  return rows.map((r) => ({ sha256: r.sha256, size: Number(r.size), uploadId: r.upload_id, links: Number(r.links) }));
}
