/**
 * 出件 (migration 015): the newest result the central platform reported for a case, and the
 * window's handover of it (collected at the window, or posted).
 */
export interface CaseResultTable {
  case_id: string;
  outcome: 'approved' | 'refused';
  /** 1 once the certificate or decision letter is made (已制证) and can be handed over. */
  ready: number;
  /** JSON: Array<{ name, count }>. */
  items: string;
  delivery: 'window' | 'post';
  note: string | null;
  /** Central time of the status change that carried this result. */
  central_at: string;
  /** Central time the result first became ready (kept when a later change repeats it). */
  ready_at: string | null;
  cursor: number;
}

export interface CaseHandoverTable {
  case_id: string;
  /** The UUIDv7 of the handover: the outbox entry's idempotency key. */
  id: string;
  method: 'window' | 'post';
  at: string;
  clerk_id: string;
  clerk_name: string;
  collector: 'applicant' | 'agent' | 'override' | null;
  override_reason: string | null;
  /** Keyed hash of the ID card of whoever collected (none for a post); blanked by the retention purge. */
  collector_id_hash: string | null;
  carrier: string | null;
  tracking_number: string | null;
}

export interface HandoverTables {
  case_result: CaseResultTable;
  case_handover: CaseHandoverTable;
}
