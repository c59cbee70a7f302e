import { expect } from 'vitest';
import type { CentralProcess } from '../../../central/testing/central-process';
import type { Database } from '../../db/database';
import { readSyncStatus } from '../status';

/** Every case is at the central with exactly one entry (one was queued each), and the window's outbox is drained. */
export async function expectExactlyOnce(central: CentralProcess, database: Database | null, caseIds: string[]): Promise<void> {
  const { cases } = (await central.admin('/v1/admin/cases')) as { cases: Array<{ id: string; entries: number }> };
  const byId = new Map(cases.map((c) => [c.id, c.entries]));
  const missing = caseIds.filter((id) => !byId.has(id));
  expect(missing).toEqual([]);
  // An entry applied twice would show 2.
  expect(caseIds.filter((id) => byId.get(id) !== 1)).toEqual([]);
  if (!database) return;
  const s = await readSyncStatus(database.db);
  expect({ pending: s.pending, parked: s.parked }).toEqual({ pending: 0, parked: 0 });
}
