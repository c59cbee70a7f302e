/**
 * Appointments (预约) pulled from the central platform for this window's hall (migration 014).
 * Personal data sealed (PiiCipher) like a case's applicant; `id_hash` (keyed hash of the ID number)
 * finds a person's appointments when their card is read. `status` is what the window shows: a local
 * check-in is never undone by a later pull; `central_status` is the central's last word.
 * Migration 014 also adds `intake_case.appointment_id` (see IntakeCaseTable).
 */
export interface AppointmentTable {
  id: string;
  /** 预约码 (canonical: `YY…`), an opaque token from the appointment service, in clear for scanning. */
  code: string;
  hall_code: string;
  /** Null: any window of the hall may serve it. */
  window_code: string | null;
  item_code: string;
  item_name: string;
  date: string;
  slot_start: string;
  slot_end: string;
  cert_type: string;
  name_sealed: string;
  id_sealed: string;
  id_hash: string;
  phone_sealed: string | null;
  status: 'booked' | 'checked_in' | 'no_show' | 'cancelled';
  central_status: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  /** The case the check-in led to, once decided. */
  case_id: string | null;
  central_cursor: number;
  updated_at: string;
}

export interface AppointmentTables {
  appointment: AppointmentTable;
}
