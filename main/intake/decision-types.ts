import type { AgentInput, ApplicantInput, MaterialEntry } from '../../common/contract/intake';
import type { CaseStatus } from '../../common/domain/case-status';
import type { MaterialRow } from './material-check';

/** The staff member deciding: written on the case and in the audit entry. */
export interface Actor {
  id: string;
  name: string;
}

/** What only some decisions take: the 容缺 commitment and deadline, the rejection reason. */
export type DecisionExtra = { commitmentNote?: string; deadlineWorkdays?: number; reason?: string };

/** One decided (or drafted) case as a decision returns it. */
export interface DecisionResult {
  caseId: string;
  caseNumber: string | null;
  status: CaseStatus;
  at: string;
  promised: { date: string; provisional: boolean } | null;
  materials: MaterialRow[];
  itemCode: string;
  itemName: string;
}

export interface CaseInput {
  caseId?: string;
  itemCode: string;
  applicant?: ApplicantInput;
  agent?: AgentInput;
  materials: MaterialEntry[];
  bundleId?: string;
  bundleGroupId?: string;
  note?: string;
  /** Staged pages (common/contract/materials.ts): linked to the case in the decision's transaction. */
  materialsDraftId?: string;
  appointmentId?: string;
  /** The window's key of this decision attempt (decision-keys.ts): a retry with it returns the first call's case. */
  key?: string;
}
