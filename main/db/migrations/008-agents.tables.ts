/**
 * The agent (经办人 / 代办人) who acted for a case's applicant (migration 007): at most one per case,
 * sealed like the applicant (PiiCipher) with keyed hashes for look-ups. Migration 007 also adds
 * `intake_case.applicant_cert_type` (see IntakeCaseTable).
 */
export interface CaseAgentTable {
  case_id: string;
  relation: string;
  /** National certificate-type code (common/domain/certificate-types.ts). */
  cert_type: string;
  name_sealed: string;
  name_hash: string;
  id_sealed: string;
  id_hash: string;
  phone_sealed: string | null;
}

export interface AgentTables {
  case_agent: CaseAgentTable;
}
