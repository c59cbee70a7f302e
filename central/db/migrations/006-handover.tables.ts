/**
 * Central migration 006 (出件): the results a case's status changes carry (`case_status_changes.result`,
 * JSON of CaseResult, typed in 001-central-core.tables.ts beside the table) and one handover per case.
 */
export interface HandoverTables {
  handovers: {
    /** One per case: a replayed or second handover entry of the same case adds nothing. */
    case_id: string;
    /** The entry's idempotency key (received.id). */
    entry_id: string;
    hall: string;
    window: string;
    device_id: string;
    method: string;
    /** Window clock when the result was handed over or posted. */
    at: string;
    payload: string;
    received_at: string;
  };
}
