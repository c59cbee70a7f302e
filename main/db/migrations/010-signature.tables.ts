/** The applicant's signature or refusal on a case (migration 007). Its two new `intake_case` columns are in 003-intake.tables.ts, with the rest of that table. */
export interface CaseSignatureTable {
  id: string;
  case_id: string;
  outcome: 'signed' | 'refused';
  source: string | null;
  strokes_sealed: string | null;
  png_sealed: string | null;
  sha256: string | null;
  refusal_reason: string | null;
  at: string;
  clerk_id: string;
}

export interface SignatureTables {
  case_signature: CaseSignatureTable;
}
