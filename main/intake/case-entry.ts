import type { Selectable } from 'kysely';
import { describeLimit } from '../../common/domain/item-types';
import type { CaseEntryKind, CaseMaterialFile, CaseSnapshot, SyncTicket } from '../../common/sync/entries';
import type { OutboxEntry } from '../db/outbox';
import type { MaterialRow } from './material-check';
import type { IntakeCaseTable } from '../db/migrations/003-intake.tables';

export type CaseEntry = Extract<OutboxEntry, { kind: CaseEntryKind }>;

/**
 * The outbox entry of a case event (common/sync/entries.ts): the case as it stands after the event.
 * The applicant travels as one sealed blob (`applicantSealed`, PiiCipher) that the sync engine opens
 * when it sends: the outbox holds no clear PII.
 */
export function caseEntry(
  kind: CaseEntryKind,
  /** The window's decision key stays on the window: the central platform keys cases by id. */
  c: Omit<Selectable<IntakeCaseTable>, 'decision_key'>,
  materials: ReadonlyArray<Omit<MaterialRow, 'sort'> & { sort?: number }>,
  applicantSealed: string | null,
  /** The agent (经办人) sealed the same way; only a decision carries it, like the applicant. */
  agentSealed?: string | null,
  /** The case's material files by material code (issue 16); a material without files carries no `files`. */
  files?: ReadonlyMap<string, CaseMaterialFile[]>,
  /** The queue ticket the decision was made under (叫号); only a decision carries it, like the agent. */
  ticket?: SyncTicket | null,
): CaseEntry {
  if (c.case_number === null) throw new Error(`case ${c.id} has no number: drafts do not reach the outbox`);
  const snapshot: CaseSnapshot = {
    id: c.id,
    caseNumber: c.case_number,
    // Which statuses each kind allows is the contract's (checked at run time under test).
    status: c.status as CaseSnapshot['status'],
    itemCode: c.item_code,
    itemName: c.item_name,
    catalogVersion: c.catalog_version,
    promisedLimit: describeLimit({ value: c.promised_limit_value, unit: c.promised_limit_unit as 'workday' }),
    hallCode: c.hall_code,
    windowCode: c.window_code,
    clerkId: c.clerk_id,
    bundleId: c.bundle_id,
    bundleGroupId: c.bundle_group_id,
    applicantKind: c.applicant_kind,
    uscc: c.uscc,
    createdAt: c.created_at,
    acceptedAt: c.accepted_at,
    decidedAt: c.decided_at,
    updatedAt: c.updated_at,
    promisedDate: c.promised_date,
    promisedProvisional: c.promised_provisional === 1,
    rejectReason: c.reject_reason,
    withdrawReason: c.withdraw_reason,
    commitmentNote: c.commitment_note,
    materials: materials.map((m) => ({
      code: m.code,
      name: m.name,
      state: m.state,
      originals: m.originals,
      copies: m.copies,
      licenceId: m.licence_id,
      deadline: m.deadline,
      suppliedAt: m.supplied_at,
      ...(files?.get(m.code)?.length ? { files: files.get(m.code) } : {}),
    })),
    // Only when there is one, so cases without an appointment keep the payload earlier windows sent.
    ...(c.appointment_id && { appointmentId: c.appointment_id }),
  };
  return { kind, aggregateId: c.id, payload: { case: snapshot, applicantSealed, ...(agentSealed !== undefined && { agentSealed }), ...(ticket !== undefined && { ticket }) } } as CaseEntry;
}
