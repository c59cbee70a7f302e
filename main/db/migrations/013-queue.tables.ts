/** Queue tickets this window called (migration 013). Its new `intake_case.ticket_id` column is in 003-intake.tables.ts, with the rest of that table. */
export interface QueueTicketTable {
  id: string;
  /** Which driver called it: the hall's queue service or the window caller. */
  source: 'http' | 'serial';
  /** The queue system's own id of the ticket (the serial caller has none). */
  source_id: string | null;
  number: string;
  queue_code: string;
  window_code: string;
  clerk_id: string;
  /** When the ticket was printed (unknown for some callers). */
  issued_at: string | null;
  called_at: string;
  /** issued → called, seconds; null when the issue time is unknown. */
  wait_seconds: number | null;
  recalls: number;
  state: 'serving' | 'served' | 'passed' | 'transferred';
  ended_at: string | null;
  /** called → ended, seconds. */
  service_seconds: number | null;
  /** `window:W05` or `queue:B` for a transferred ticket. */
  transferred_to: string | null;
}

export interface QueueTables {
  queue_ticket: QueueTicketTable;
}
