import type { Selectable } from 'kysely';
import type { HandoverCase, HandoverListRow } from '../../common/contract/handover';
import type { AgentRelation } from '../../common/domain/agent-relations';
import { COLLECTOR_LABELS, DELIVERY_LABELS, OUTCOME_LABELS, STAGE_LABELS, daysWaiting, type HandoverStage } from '../../common/domain/case-result';
import { maskName } from '../../common/domain/mask';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { CaseHandoverTable, CaseResultTable } from '../db/migrations/015-handover.tables';

type ResultRow = Selectable<CaseResultTable>;
type HandoverRow = Selectable<CaseHandoverTable>;
type Items = Array<{ name: string; count: number }>;

export interface CaseColumns {
  id: string;
  case_number: string | null;
  item_name: string;
  applicant_kind: 'person' | 'enterprise' | null;
  applicant_name_sealed: string | null;
  central_status: string | null;
}

export function stageOf(result: ResultRow | undefined | null, handover: HandoverRow | undefined | null): HandoverStage {
  if (handover) return handover.method === 'post' ? 'posted' : 'handed_over';
  if (!result) return 'no_result';
  return result.ready === 1 ? 'ready' : 'decided';
}

/** A person's name masked; an enterprise's name is public register data. */
export function applicantNameOf(pii: PiiCipher, c: Pick<CaseColumns, 'applicant_kind' | 'applicant_name_sealed'>): string | null {
  if (!c.applicant_name_sealed) return null;
  const name = pii.open(c.applicant_name_sealed);
  return c.applicant_kind === 'enterprise' ? name : maskName(name);
}

export function handoverCaseView(
  pii: PiiCipher,
  c: CaseColumns,
  parts: { result?: ResultRow | null; handover?: HandoverRow | null; agent?: { name_sealed: string; relation: string } | null },
  now: Date,
): HandoverCase {
  const { result, handover, agent } = parts;
  const stage = stageOf(result, handover);
  return {
    caseId: c.id,
    caseNumber: c.case_number,
    itemName: c.item_name,
    applicantKind: c.applicant_kind,
    applicantName: applicantNameOf(pii, c),
    agent: agent ? { name: maskName(pii.open(agent.name_sealed)), relation: agent.relation as AgentRelation } : null,
    centralStatus: c.central_status,
    stage,
    stageLabel: STAGE_LABELS[stage],
    result: result
      ? {
          outcome: result.outcome,
          outcomeLabel: OUTCOME_LABELS[result.outcome],
          ready: result.ready === 1,
          items: JSON.parse(result.items) as Items,
          delivery: result.delivery,
          deliveryLabel: DELIVERY_LABELS[result.delivery],
          note: result.note,
          centralAt: result.central_at,
          readyAt: result.ready_at,
        }
      : null,
    handover: handover
      ? {
          method: handover.method,
          at: handover.at,
          clerkId: handover.clerk_id,
          clerkName: handover.clerk_name,
          collector: handover.collector,
          collectorLabel: handover.collector ? COLLECTOR_LABELS[handover.collector] : null,
          overrideReason: handover.override_reason,
          carrier: handover.carrier,
          trackingNumber: handover.tracking_number,
        }
      : null,
    daysWaiting: stage === 'ready' && result?.ready_at ? daysWaiting(result.ready_at, now) : null,
  };
}

export function listRow(
  r: { case_id: string | null; case_number: string | null; window: string; item_name: string; applicant_name: string | null; outcome: ResultRow['outcome']; items: Items; delivery: ResultRow['delivery']; ready_at: string },
  now: Date,
): HandoverListRow {
  return {
    caseId: r.case_id,
    caseNumber: r.case_number,
    window: r.window,
    itemName: r.item_name,
    applicantName: r.applicant_name,
    outcome: r.outcome,
    outcomeLabel: OUTCOME_LABELS[r.outcome],
    items: r.items,
    delivery: r.delivery,
    readyAt: r.ready_at,
    daysWaiting: daysWaiting(r.ready_at, now),
  };
}
