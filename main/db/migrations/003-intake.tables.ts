import type { ColumnType, Generated } from 'kysely';

/**
 * Cases, their materials, status history and the local case-number sequence (migration 003).
 * Personal data is stored sealed (`*_sealed`, PiiCipher) with keyed hashes (`*_hash`) for look-ups.
 */
export interface IntakeCaseTable {
  id: string;
  case_number: string | null;
  central_number: string | null;
  status: 'draft' | 'accepted' | 'accepted_deferred' | 'rejected' | 'withdrawn';
  central_status: string | null;
  item_code: string;
  item_name: string;
  promised_limit_value: number;
  promised_limit_unit: string;
  bundle_id: string | null;
  bundle_group_id: string | null;
  hall_code: string;
  window_code: string;
  clerk_id: string;
  clerk_name: string;
  applicant_kind: 'person' | 'enterprise' | null;
  applicant_id_type: string | null;
  /** Migration 007: national certificate-type code (111, 553, …) of a person applicant. */
  applicant_cert_type: string | null;
  applicant_name_sealed: string | null;
  applicant_name_hash: string | null;
  applicant_id_sealed: string | null;
  applicant_id_hash: string | null;
  applicant_phone_sealed: string | null;
  applicant_address_sealed: string | null;
  /** Enterprise: the USCC is public register data, kept in clear for search. */
  uscc: string | null;
  legal_rep_name_sealed: string | null;
  legal_rep_id_sealed: string | null;
  legal_rep_id_hash: string | null;
  credit_check: Generated<'not_checked' | 'clear' | 'flagged'>;
  created_at: string;
  updated_at: string;
  accepted_at: string | null;
  decided_at: string | null;
  promised_date: string | null;
  promised_provisional: Generated<number>;
  reject_reason: string | null;
  withdraw_reason: string | null;
  commitment_note: string | null;
  note: string | null;
  catalog_version: number;
  /** Added by migration 007: SHA-256 of the applicant's signature PNG, or a refusal (main/applicant-screen). */
  signature_sha256: string | null;
  signature_state: 'signed' | 'refused' | null;
  /** Added by migration 014: the appointment (预约) the applicant checked in with. */
  appointment_id: string | null;
  /** The queue ticket the case was accepted under (migration 013); null for a walk-in. */
  ticket_id: string | null;
  /** Migration 020: the window's key of the single-item decision that made the case (unique); null for drafts, bundles and older cases, so an insert may leave it out. */
  decision_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseMaterialTable {
  case_id: string;
  code: string;
  name: string;
  required: number;
  state: 'received' | 'licence' | 'deferred' | 'supplied' | 'not_provided';
  originals: number;
  copies: number;
  licence_id: string | null;
  deadline: string | null;
  deadline_provisional: Generated<number>;
  commitment_note: string | null;
  supplied_at: string | null;
  sort: number;
}

export interface CaseHistoryTable {
  seq: Generated<number>;
  case_id: string;
  at: string;
  source: 'window' | 'central';
  status: string;
  detail: string | null;
}

export interface CaseSequenceTable {
  hall_code: string;
  window_code: string;
  day: string;
  last_seq: number;
}

export interface IntakeTables {
  intake_case: IntakeCaseTable;
  case_material: CaseMaterialTable;
  case_history: CaseHistoryTable;
  case_sequence: CaseSequenceTable;
}
