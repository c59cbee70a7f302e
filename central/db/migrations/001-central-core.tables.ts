import type { Generated } from 'kysely';

/**
 * Tables of central migration 001. Processed idempotency keys live in `received`, next to their effects.
 * A later migration that alters one of them edits its type here, naming itself (see `devices`).
 */
export interface CentralCoreTables {
  meta: { key: string; value: string };
  enrol_codes: { code: string; hall: string; window: string; created_at: string; expires_at: string; used_at: string | null; device_id: string | null };
  devices: {
    id: string;
    hall: string;
    window: string;
    name: string | null;
    enrolled_at: string;
    last_seen_at: string | null;
    /** Migration 2: the last heartbeat. */
    pending?: number | null;
    parked?: number | null;
    oldest_pending_at?: string | null;
    clock_skew_ms?: number | null;
  };
  received: { id: string; device_id: string; seq: number; kind: string; aggregate_id: string; created_at: string; received_at: string };
  cases: {
    id: string;
    hall: string;
    window: string;
    device_id: string;
    case_number: string | null;
    item_code: string | null;
    payload: string;
    first_received_at: string;
    updated_at: string;
    entries: number;
  };
  ratings: { id: string; case_id: string; hall: string; window: string; level: number; payload: string; received_at: string };
  rectifications: { id: string; case_id: string; hall: string; payload: string; received_at: string };
  records: { id: string; kind: string; aggregate_id: string; device_id: string; payload: string; received_at: string };
  catalog_changes: { version: Generated<number>; entity: string; key: string; op: string; data: string; at: string };
  case_status_changes: {
    cursor: Generated<number>;
    case_id: string;
    hall: string;
    status: string;
    note: string | null;
    central_case_number: string | null;
    at: string;
    /** Migration 6: the case's result (JSON of CaseResult, common/sync/api.ts), when the change carries one. */
    result?: string | null;
    /** Migration 6: 1 when that result is ready to hand over (已制证). */
    result_ready?: number | null;
  };
  licences: { licence_id: string; holder_id: string; type: string; name: string; issuer: string; issued_on: string; valid_until: string | null };
  credit_records: { subject: string; subject_type: string; list: string; authority: string; since: string; measure: string };
}
