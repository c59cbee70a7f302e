import type { Selectable, Transaction } from 'kysely';
import type { IntakeCaseTable } from '../db/migrations/003-intake.tables';
import { queryTemplate } from '../db/query-template';
import type { DB } from '../db/schema';
import { EMPTY_APPLICANT } from './applicant-codec';
import type { Actor } from './decision-types';
import type { MaterialRow } from './material-check';
import type { WindowIdentity } from './window-identity';

// The rows and statements of one intake decision (intake-service.ts runs them in its transaction).

export type CaseRow = Selectable<IntakeCaseTable>;

export async function loadCase(trx: Transaction<DB>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('intake_case').selectAll().where('id', '=', id).executeTakeFirst();
}

// The statements every decision runs, built and compiled once (see queryTemplate).
export const insertCase = queryTemplate((db, a: { row: CaseRow }) => db.insertInto('intake_case').values(a.row));
export const insertMaterials = queryTemplate((db, a: { rows: Array<MaterialRow & { case_id: string }> }) => db.insertInto('case_material').values(a.rows));
export const insertHistory = queryTemplate((db, a: { caseId: string; at: string; status: string; detail: string | null }) =>
  db.insertInto('case_history').values({ case_id: a.caseId, at: a.at, source: 'window', status: a.status, detail: a.detail }),
);

export async function writeHistory(trx: Transaction<DB>, caseId: string, at: string, status: string, detail: string | null) {
  await insertHistory(trx, { caseId, at, status, detail });
}

export function emptyCase(id: string, at: string, identity: WindowIdentity, actor: Actor): CaseRow {
  return {
    id,
    case_number: null,
    central_number: null,
    status: 'draft',
    central_status: null,
    item_code: '',
    item_name: '',
    promised_limit_value: 0,
    promised_limit_unit: 'workday',
    bundle_id: null,
    bundle_group_id: null,
    hall_code: identity.hallCode,
    window_code: identity.windowCode,
    clerk_id: actor.id,
    clerk_name: actor.name,
    signature_sha256: null,
    signature_state: null,
    appointment_id: null,
    ticket_id: null,
    decision_key: null,
    ...EMPTY_APPLICANT,
    credit_check: 'not_checked',
    created_at: at,
    updated_at: at,
    accepted_at: null,
    decided_at: null,
    promised_date: null,
    promised_provisional: 0,
    reject_reason: null,
    withdraw_reason: null,
    commitment_note: null,
    note: null,
    catalog_version: 0,
  };
}

export function countStates(materials: ReadonlyArray<{ state: string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of materials) out[m.state] = (out[m.state] ?? 0) + 1;
  return out;
}
