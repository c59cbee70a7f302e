import type { Kysely, Transaction } from 'kysely';
import type { CaseMaterialFile } from '../../common/sync/entries';
import type { DB } from '../db/schema';
import type { PreparedFile } from './service';

export interface LinkRequest {
  caseId: string;
  files: readonly PreparedFile[];
  via: 'intake' | 'supplement';
  clerkId: string;
  at: string;
}

/**
 * Inside the decision's (or supplement's) transaction: the case's material files. The blob row is
 * written here too (not when the file was stored) so a blob without a committed case has no row
 * and is swept as an orphan; a file stored twice (the same scan in two cases) has one row.
 */
export async function linkFiles(trx: Transaction<DB>, req: LinkRequest): Promise<void> {
  for (const f of req.files) {
    await trx
      .insertInto('material_blob')
      .values({ sha256: f.sha256, size: f.size, sealed_size: f.sealedSize, pages: f.pages, created_at: req.at, uploaded_at: null, local_deleted_at: null })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await trx
      .insertInto('case_material_file')
      .values({ case_id: req.caseId, material_code: f.materialCode, sha256: f.sha256, pages: f.pages, size: f.size, via: req.via, linked_at: req.at, clerk_id: req.clerkId })
      .onConflict((oc) => oc.columns(['case_id', 'material_code', 'sha256']).doNothing())
      .execute();
  }
}

/** A case's files per material code, for the entry payload (common/sync/entries.ts CaseMaterial.files). */
export async function caseFilesByCode(db: Kysely<DB> | Transaction<DB>, caseId: string): Promise<Map<string, CaseMaterialFile[]>> {
  const rows = await db
    .selectFrom('case_material_file')
    .select(['material_code', 'sha256', 'size', 'pages', 'via', 'linked_at'])
    .where('case_id', '=', caseId)
    .orderBy('linked_at')
    .orderBy('sha256')
    .execute();
  const out = new Map<string, CaseMaterialFile[]>();
  for (const r of rows) {
    const list = out.get(r.material_code) ?? [];
    list.push({ sha256: r.sha256, size: r.size, pages: r.pages, via: r.via, linkedAt: r.linked_at });
    out.set(r.material_code, list);
  }
  return out;
}
