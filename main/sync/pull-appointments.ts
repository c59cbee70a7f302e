import { sql, type Insertable, type Kysely } from 'kysely';
import type { Appointment } from '../../common/sync/api';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { AppointmentTable } from '../db/migrations/014-appointments.tables';
import type { DB } from '../db/schema';
import { writeSyncMeta } from './sync-meta';

type Row = Insertable<AppointmentTable>;
const CHUNK = 400;

/** Seals one pulled appointment for the window's table: name, ID number and phone never rest in clear. */
export function sealAppointment(pii: Pick<PiiCipher, 'seal' | 'lookupHash'>, a: Appointment, at: string): Row {
  return {
    id: a.id,
    code: a.code,
    hall_code: a.hall,
    window_code: a.window,
    item_code: a.itemCode,
    item_name: a.itemName,
    date: a.date,
    slot_start: a.slotStart,
    slot_end: a.slotEnd,
    cert_type: a.certType,
    name_sealed: pii.seal(a.name),
    id_sealed: pii.seal(a.idNumber),
    id_hash: pii.lookupHash(a.idNumber),
    phone_sealed: a.phone ? pii.seal(a.phone) : null,
    status: a.status,
    central_status: a.status,
    checked_in_at: a.checkedInAt,
    checked_in_by: null,
    case_id: null,
    central_cursor: a.cursor,
    updated_at: at,
  };
}

/**
 * Applies one page of the hall's appointments and its cursor in one transaction (sealed before it,
 * so the write lock is not held for the cipher). A check-in made here is never undone by a pull
 * that predates its report; the central's own status is kept beside it.
 */
export async function applyAppointmentPage(db: Kysely<DB>, pii: PiiCipher, appointments: Appointment[], cursor: number): Promise<{ applied: number }> {
  const at = new Date().toISOString();
  // Within a page the latest change of an appointment wins (the central sends each once, but be sure).
  const rows = [...new Map(appointments.map((a) => [a.id, sealAppointment(pii, a, at)])).values()];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK)
      await trx
        .insertInto('appointment')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            code: eb.ref('excluded.code'),
            hall_code: eb.ref('excluded.hall_code'),
            window_code: eb.ref('excluded.window_code'),
            item_code: eb.ref('excluded.item_code'),
            item_name: eb.ref('excluded.item_name'),
            date: eb.ref('excluded.date'),
            slot_start: eb.ref('excluded.slot_start'),
            slot_end: eb.ref('excluded.slot_end'),
            cert_type: eb.ref('excluded.cert_type'),
            name_sealed: eb.ref('excluded.name_sealed'),
            id_sealed: eb.ref('excluded.id_sealed'),
            id_hash: eb.ref('excluded.id_hash'),
            phone_sealed: eb.ref('excluded.phone_sealed'),
            status: sql`case when appointment.status = 'checked_in' then 'checked_in' else excluded.status end`,
            central_status: eb.ref('excluded.central_status'),
            checked_in_at: sql`coalesce(appointment.checked_in_at, excluded.checked_in_at)`,
            central_cursor: eb.ref('excluded.central_cursor'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    await writeSyncMeta(trx, { appointmentCursor: cursor, lastPullAt: at });
  });
  return { applied: rows.length };
}
