import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readSyncMeta, writeSyncMeta } from './sync-meta';

export interface GenerationCheck {
  changed: boolean;
  reoffered: number;
}

/**
 * Compares the generation in a central answer with the one this window last synced with. A new
 * generation means the central database was replaced or restored: everything this window still
 * holds is offered again (done → pending; the central side deduplicates) and the pull cursors
 * restart from zero. Nothing local is deleted, whatever the central side holds.
 */
export async function observeGeneration(db: Kysely<DB>, generation: string, serverTime: string): Promise<GenerationCheck> {
  const skew = Date.parse(serverTime) - Date.now();
  return db.transaction().execute(async (trx) => {
    const meta = await readSyncMeta(trx);
    await writeSyncMeta(trx, { clockSkewMs: Number.isFinite(skew) ? skew : null });
    if (meta.generation === generation) return { changed: false, reoffered: 0 };
    if (meta.generation === undefined) {
      await writeSyncMeta(trx, { generation });
      return { changed: false, reoffered: 0 };
    }
    const r = await trx.updateTable('outbox').set({ state: 'pending', done_at: null }).where('state', '=', 'done').executeTakeFirst();
    await writeSyncMeta(trx, { generation, generationChangedAt: new Date().toISOString(), catalogCursor: 0, caseStatusCursor: 0, appointmentCursor: 0 });
    return { changed: true, reoffered: Number(r.numUpdatedRows) };
  });
}
