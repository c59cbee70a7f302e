import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

/**
 * The staged pages a saved case draft holds (case_draft_pages, migration 019). Pages are staged
 * under the intake's materials draft id, which lives in the window's memory: a draft finished in
 * another session (or after a restart) comes with a new one. The hold says where the draft's pages
 * are, so the decision links them instead of leaving them to the sweep.
 */

/** Inside a saveDraft's transaction: the case draft holds the pages staged under `draftId`. */
export async function holdDraftPages(trx: Transaction<DB>, caseId: string, draftId: string, at: string): Promise<void> {
  await trx
    .insertInto('case_draft_pages')
    .values({ case_id: caseId, draft_id: draftId, held_at: at })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ draft_id: draftId, held_at: at }))
    .execute();
}

/** Inside a decision's or a withdrawal's transaction: the case is no longer a draft. Returns the draft id it held. */
export async function releaseDraftPages(trx: Transaction<DB>, caseId: string): Promise<string | null> {
  const held = await trx.deleteFrom('case_draft_pages').where('case_id', '=', caseId).returning('draft_id').executeTakeFirst();
  return held?.draft_id ?? null;
}

/**
 * Before a decision on a saved draft: the draft id its pages are under. When the intake comes with
 * another one (`draftId`, holding the pages added since), the held pages move into it in ONE
 * transaction, each slot's held pages first (they were taken first), and the hold follows them.
 */
export async function resumeDraftPages(db: Kysely<DB>, caseId: string | undefined, draftId: string | undefined): Promise<string | undefined> {
  if (!caseId) return draftId;
  return db.transaction().execute(async (trx) => {
    const held = await trx.selectFrom('case_draft_pages').select('draft_id').where('case_id', '=', caseId).executeTakeFirst();
    if (!held) return draftId;
    if (!draftId || held.draft_id === draftId) return held.draft_id;
    const slots = await trx
      .selectFrom('material_page')
      .select(['material_code', (eb) => eb.fn.countAll<number>().as('parts')])
      .where('draft_id', '=', held.draft_id)
      .groupBy('material_code')
      .execute();
    for (const s of slots)
      await trx
        .updateTable('material_page')
        .set((eb) => ({ position: eb('position', '+', Number(s.parts)) }))
        .where('draft_id', '=', draftId)
        .where('material_code', '=', s.material_code)
        .execute();
    await trx.updateTable('material_page').set({ draft_id: draftId }).where('draft_id', '=', held.draft_id).execute();
    await trx.updateTable('case_draft_pages').set({ draft_id: draftId }).where('case_id', '=', caseId).execute();
    return draftId;
  });
}

/** A decision's input with the draft id its saved draft's pages are under now (resumeDraftPages). */
export async function withDraftPages<T extends { caseId?: string; materialsDraftId?: string }>(db: Kysely<DB>, input: T): Promise<T> {
  const draftId = await resumeDraftPages(db, input.caseId, input.materialsDraftId);
  return draftId ? { ...input, materialsDraftId: draftId } : input;
}
