import type { CaseStatus } from '../../common/domain/case-status';
import type { AuditEntry } from '../audit/chain';
import type { CatalogService } from '../catalog/catalog-service';
import { outboxRow, type OutboxRow } from '../db/outbox';
import type { PreparedFile } from '../materials/service';
import type { Agent, SealedAgent } from './agent';
import type { sealApplicant } from './applicant-codec';
import { filesByCode } from './case-files';
import { caseEntry } from './case-entry';
import { countStates, emptyCase, type CaseRow } from './case-rows';
import type { Decision, MaterialRow } from './material-check';
import type { DecisionTicket } from '../queue/ticket-store';
import type { Actor, CaseInput, DecisionExtra } from './decision-types';
import type { WindowIdentity } from './window-identity';

// The records one decision writes, made without the database: the transaction (intake-service.ts)
// and the one-script batch (batch-decision.ts) write the same rows from these.

/** Everything a decision needs that does not write: checks, dates, sealing (so the write lock is not held for it). */
export interface PreparedDecision {
  decision: Decision;
  input: CaseInput;
  actor: Actor;
  extra: DecisionExtra;
  item: ReturnType<CatalogService['summaryOf']>;
  at: Date;
  atIso: string;
  promised: { date: string; provisional: boolean } | null;
  materials: MaterialRow[];
  status: CaseStatus;
  identity: WindowIdentity;
  sealed: ReturnType<typeof sealApplicant> | Record<string, never>;
  applicantSealed: string | null;
  agent: Agent | null;
  agentColumns: SealedAgent | null;
  agentSealed: string | null;
  /** Material PDFs stored for this decision, linked in its transaction. */
  files: PreparedFile[];
  freshId: string;
  catalogVersion: number;
}

/** The case row of a decision, its number and ticket still to be set. */
export function decisionCaseRow(p: PreparedDecision, caseId: string, existing: CaseRow | undefined): CaseRow {
  const { input, actor, extra, item, atIso, promised, decision, status, identity, sealed } = p;
  return {
    ...(existing ?? emptyCase(caseId, atIso, identity, actor)),
    ...sealed,
    case_number: null,
    status,
    item_code: item.code,
    item_name: item.name,
    promised_limit_value: item.promisedLimit.value,
    promised_limit_unit: item.promisedLimit.unit,
    bundle_id: input.bundleId ?? existing?.bundle_id ?? null,
    bundle_group_id: input.bundleGroupId ?? existing?.bundle_group_id ?? null,
    hall_code: identity.hallCode,
    window_code: identity.windowCode,
    clerk_id: actor.id,
    clerk_name: actor.name,
    updated_at: atIso,
    accepted_at: promised ? atIso : null,
    decided_at: decision === 'draft' ? null : atIso,
    promised_date: promised?.date ?? null,
    promised_provisional: promised?.provisional ? 1 : 0,
    reject_reason: extra.reason ?? null,
    commitment_note: extra.commitmentNote ?? null,
    note: input.note ?? existing?.note ?? null,
    catalog_version: p.catalogVersion,
    appointment_id: input.appointmentId ?? existing?.appointment_id ?? null,
    ticket_id: existing?.ticket_id ?? null,
    decision_key: decision === 'draft' ? null : (input.key ?? null),
  };
}

/** The decision's audit entry (no PII: counts, codes, file hashes, the ticket's number). */
export function decisionAudit(p: PreparedDecision, caseId: string, caseNumber: string | null, ticket: DecisionTicket | null): AuditEntry {
  const { decision, actor, item, materials, agent, files } = p;
  return {
    actor: actor.id,
    action: `case.${decision === 'deferred' ? 'acceptWithDeferred' : decision === 'draft' ? 'saveDraft' : decision}`,
    subject: caseId,
    detail: {
      caseNumber,
      itemCode: item.code,
      materials: countStates(materials),
      ...(agent && { agent: { relation: agent.relation, certType: agent.certType } }),
      ...(files.length && { files: files.map((f) => ({ material: f.materialCode, sha256: f.sha256, pages: f.pages })) }),
      ...(ticket && { ticket: ticket.sync.number }),
    },
  };
}

/** The decision's outbox row; none for a draft (the central platform learns of a case when it is decided). */
export function decisionOutbox(p: PreparedDecision, row: CaseRow, ticket: DecisionTicket | null): OutboxRow | null {
  const { decision, materials, applicantSealed, agentSealed, files, atIso } = p;
  if (decision === 'draft') return null;
  const kind = decision === 'deferred' ? 'case.acceptedWithDeferred' : decision === 'accept' ? 'case.accepted' : 'case.rejected';
  return outboxRow(caseEntry(kind, row, materials, applicantSealed, agentSealed, filesByCode(files, atIso), ticket?.sync ?? null));
}
