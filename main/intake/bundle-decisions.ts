import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AgentInput, ApplicantInput, MaterialEntry } from '../../common/contract/intake';
import { AppError } from '../../common/contract/errors';
import type { DB } from '../db/schema';
import { appendAudit } from '../audit/chain';
import type { Actor, DecisionExtra, DecisionResult } from './decision-types';
import type { Decision, MaterialRow } from './material-check';
import type { IntakeCaseTable } from '../db/migrations/003-intake.tables';

/**
 * 一件事 (a bundle) decided as one: the plans the answers selected, one case each, all written in
 * one transaction or none. `key` is made on the window once per attempt and is the bundle group id
 * the cases share, so a retry (a lost reply, a double press) finds the cases instead of making more.
 */
export interface BundleInput {
  key: string;
  bundleId: string;
  applicant: ApplicantInput;
  agent?: AgentInput;
  /** A draft saved for this bundle: it becomes the first plan's case. */
  caseId?: string;
  plans: Array<{ itemCode: string; materials: MaterialEntry[] }>;
  note?: string;
  /** Staged pages (issue 16): each plan links the slots of the materials it lists. */
  materialsDraftId?: string;
}

/** One case input per plan, sharing the bundle id and the group id (the key). */
export function bundleCaseInputs(input: BundleInput) {
  return input.plans.map((p, i) => ({
    itemCode: p.itemCode,
    materials: p.materials,
    applicant: input.applicant,
    ...(input.agent ? { agent: input.agent } : {}),
    bundleId: input.bundleId,
    bundleGroupId: input.key,
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(input.materialsDraftId ? { materialsDraftId: input.materialsDraftId } : {}),
    ...(i === 0 && input.caseId ? { caseId: input.caseId } : {}),
  }));
}

export type BundleCaseInput = ReturnType<typeof bundleCaseInputs>[number];

/** The two halves of one decision (IntakeService), so several can share one transaction. */
export interface DecisionSteps<P> {
  db: Kysely<DB>;
  /** Checks, dates, sealing: everything that does not write. */
  prepare(decision: Decision, input: BundleCaseInput, actor: Actor, extra: DecisionExtra): Promise<P>;
  /** The case, its materials, history, audit entry and outbox row, in the caller's transaction. */
  write(trx: Transaction<DB>, prepared: P): Promise<DecisionResult>;
  recordUsage(results: DecisionResult[]): void;
}

/**
 * Every plan prepared first, then all written in one transaction: a plan that fails rolls back
 * the others. The key is looked up before (a retry skips the checks) and again inside the
 * transaction (two presses at once: the second finds the first one's cases).
 */
export async function decideBundle<P>(
  steps: DecisionSteps<P>,
  input: BundleInput,
  actor: Actor,
  kind: 'accept' | 'reject',
  how: (plan: BundleCaseInput) => [Decision, DecisionExtra],
): Promise<{ bundleGroupId: string; replayed: boolean; cases: DecisionResult[] }> {
  const replay = (cases: StoredCase[]) => ({ bundleGroupId: input.key, replayed: true, cases: cases.map(storedResult) });
  const earlier = await casesOfKey(steps.db, input, kind);
  if (earlier) return replay(earlier);
  const prepared: P[] = [];
  for (const plan of bundleCaseInputs(input)) {
    const [decision, extra] = how(plan);
    prepared.push(await steps.prepare(decision, plan, actor, extra));
  }
  const out = await steps.db.transaction().execute(async (trx) => {
    const raced = await casesOfKey(trx, input, kind);
    if (raced) return replay(raced);
    const cases: DecisionResult[] = [];
    for (const p of prepared) cases.push(await steps.write(trx, p));
    await appendAudit(trx, {
      actor: actor.id,
      action: kind === 'accept' ? 'case.acceptBundle' : 'case.rejectBundle',
      subject: input.key,
      detail: { bundleId: input.bundleId, caseNumbers: cases.map((c) => c.caseNumber) },
    });
    return { bundleGroupId: input.key, replayed: false, cases };
  });
  if (!out.replayed) steps.recordUsage(out.cases);
  return out;
}

export interface StoredCase {
  row: Selectable<IntakeCaseTable>;
  materials: MaterialRow[];
}

/**
 * The cases an earlier call with this key made, in the order of the plans, or null when the key is
 * new. A key reused for something else (another bundle, other items, the other decision) is
 * refused: its cases stand, and the clerk is told where to find them.
 */
async function casesOfKey(trx: Kysely<DB>, input: BundleInput, decision: 'accept' | 'reject'): Promise<StoredCase[] | null> {
  const rows = (await trx.selectFrom('intake_case').selectAll().where('bundle_group_id', '=', input.key).execute()).filter((r) => r.status !== 'draft');
  if (!rows.length) return null;
  const numbers = rows.map((r) => r.case_number).join('、');
  const sameItems = rows.length === input.plans.length && input.plans.every((p) => rows.some((r) => r.item_code === p.itemCode));
  if (rows.some((r) => r.bundle_id !== input.bundleId) || !sameItems)
    throw new AppError('CONFLICT', `这次一件事已经办理过（办件号 ${numbers}），但事项与本次提交的不同。请在“办件查询”中核对这些办件，再为申请人重新开始。`);
  const rejected = rows.some((r) => r.status === 'rejected');
  if (decision === 'reject' && !rejected) throw new AppError('CONFLICT', `这次一件事已经受理（办件号 ${numbers}），不能再不予受理。如需撤回，请在“办件查询”中办理。`);
  if (decision === 'accept' && rejected) throw new AppError('CONFLICT', `这次一件事已经不予受理（办件号 ${numbers}），不能再受理。请为申请人重新开始。`);
  const materials = await trx
    .selectFrom('case_material')
    .selectAll()
    .where(
      'case_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('sort')
    .execute();
  return input.plans.map((p) => {
    const row = rows.find((r) => r.item_code === p.itemCode)!;
    return { row, materials: materials.filter((m) => m.case_id === row.id).map(({ case_id: _, ...m }) => m) };
  });
}

/** A case an earlier call with the same key made, as the decision that made it returned it. */
export function storedResult({ row, materials }: StoredCase): DecisionResult {
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    status: row.status,
    at: row.accepted_at ?? row.decided_at ?? row.updated_at,
    promised: row.promised_date ? { date: row.promised_date, provisional: row.promised_provisional === 1 } : null,
    materials,
    itemCode: row.item_code,
    itemName: row.item_name,
  };
}
