import type { Generated } from 'kysely';

/**
 * Tables of central migration 005: the appointment service's bookings (预约) for each hall, with
 * the applicant in clear like the central's case payloads. `cursor` is the number of the latest
 * change of the row (from `appointment_changes`), so a window pulls "changed after N".
 */
export interface AppointmentTables {
  appointments: {
    id: string;
    code: string;
    hall: string;
    window: string | null;
    name: string;
    cert_type: string;
    id_number: string;
    phone: string | null;
    item_code: string;
    item_name: string;
    date: string;
    slot_start: string;
    slot_end: string;
    status: string;
    checked_in_at: string | null;
    checked_in_window: string | null;
    created_at: string;
    updated_at: string;
    cursor: number;
  };
  appointment_changes: { cursor: Generated<number>; appointment_id: string; at: string };
}
