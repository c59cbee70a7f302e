import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type * as api from '../common/sync/api';
import type { CentralDB } from './db/schema';
import { recordCaseResult } from './store/results';

type Result = z.output<typeof api.CaseResult>;

/**
 * Demo results (出件) for the cases the central holds without one, so a demo hall has something to
 * hand over: enterprise cases get a business licence (正本 and 副本), people a decision letter; every
 * fifth case is refused with its 不予许可决定书. All are ready (已制证), collected at the window.
 */
export function demoResultOf(index: number, applicantKind: string | null): Result {
  if (index % 5 === 4) return { outcome: 'refused', ready: true, items: [{ name: '不予行政许可决定书', count: 1 }], delivery: 'window' };
  if (applicantKind === 'enterprise')
    return { outcome: 'approved', ready: true, items: [{ name: '营业执照正本', count: 1 }, { name: '营业执照副本', count: 1 }], delivery: 'window' };
  return { outcome: 'approved', ready: true, items: [{ name: '准予行政许可决定书', count: 1 }], delivery: 'window' };
}

export async function seedDemoResults(db: Kysely<CentralDB>, opts: { hall?: string } = {}): Promise<number> {
  let q = db
    .selectFrom('cases')
    .select(['id', 'payload'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('case_status_changes as s').select('s.cursor').whereRef('s.case_id', '=', 'cases.id').where('s.result', 'is not', null))))
    .orderBy('first_received_at');
  if (opts.hall) q = q.where('hall', '=', opts.hall);
  const cases = await q.execute();
  let i = 0;
  for (const c of cases) {
    const kind = (JSON.parse(c.payload) as { case?: { applicantKind?: string | null; status?: string } }).case;
    // A case the window rejected or withdrew has nothing to hand over.
    if (kind?.status === 'rejected' || kind?.status === 'withdrawn') continue;
    await recordCaseResult(db, { caseId: c.id, ...demoResultOf(i++, kind?.applicantKind ?? null), note: '演示数据' });
  }
  return i;
}
