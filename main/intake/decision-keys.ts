import type { Kysely } from 'kysely';
import { AppError } from '../../common/contract/errors';
import type { DB } from '../db/schema';
import { storedResult } from './bundle-decisions';
import type { DecisionResult } from './decision-types';
import type { Decision } from './material-check';

/**
 * A single-item decision (受理, 容缺受理, 不予受理) carries the key the window made for the attempt
 * (`intake_case.decision_key`, unique). The first call stores it on the case; a retry after a lost
 * reply fails somewhere on the way (its insert conflicts with the key, or the draft it decides is
 * already decided) and only then is the key looked up: the happy path reads nothing more.
 */
export async function decidedWithKey(
  db: Kysely<DB>,
  input: { key?: string; itemCode: string; caseId?: string },
  decision: Decision,
  failure: unknown,
): Promise<DecisionResult> {
  if (!input.key || decision === 'draft') throw failure;
  const row = await db.selectFrom('intake_case').selectAll().where('decision_key', '=', input.key).executeTakeFirst();
  if (!row) throw failure;
  // A key reused for something else is refused: its case stands, and the clerk is told where to find it.
  const rejected = row.reject_reason !== null;
  if (row.item_code !== input.itemCode || (input.caseId !== undefined && input.caseId !== row.id))
    throw new AppError('CONFLICT', `这次受理已经办理过（办件号 ${row.case_number}），但事项或办件与本次提交的不同。请在“办件查询”中核对该办件，再为申请人重新开始。`);
  if (decision === 'reject' && !rejected) throw new AppError('CONFLICT', `这次受理已经受理（办件号 ${row.case_number}），不能再不予受理。如需撤回，请在“办件查询”中办理。`);
  if (decision !== 'reject' && rejected) throw new AppError('CONFLICT', `这次受理已经不予受理（办件号 ${row.case_number}），不能再受理。请为申请人重新开始。`);
  const materials = await db.selectFrom('case_material').selectAll().where('case_id', '=', row.id).orderBy('sort').execute();
  return storedResult({ row, materials: materials.map(({ case_id: _, ...m }) => m) });
}
