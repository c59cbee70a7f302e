import crypto from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import { canonicalAppointmentCode } from '../../common/domain/appointments';
import { hallDateCompact } from '../../common/domain/hall-date';
import type * as api from '../../common/sync/api';
import type { CentralDB } from '../db/schema';
import { takeCounterTurn } from './queries';

type Row = Selectable<CentralDB['appointments']>;
type Db = Kysely<CentralDB> | Transaction<CentralDB>;

/** A fresh 预约码: `YY`, the date and six random letters/digits (scan-routing's format). */
export function newAppointmentCode(date: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const tail = Array.from(crypto.randomBytes(6), (b) => alphabet[b % alphabet.length]).join('');
  return `YY${date.replaceAll('-', '') || hallDateCompact(new Date())}${tail}`;
}

/**
 * Takes the next cursor for one appointment. Called under the counters' turn (takeCounterTurn), so
 * on PostgreSQL a later cursor never commits before an earlier one: windows read "after N".
 */
async function nextCursor(trx: Transaction<CentralDB>, appointmentId: string, at: string): Promise<number> {
  const row = await trx.insertInto('appointment_changes').values({ appointment_id: appointmentId, at }).returning('cursor').executeTakeFirstOrThrow();
  return row.cursor;
}

/**
 * Creates or replaces appointments in one transaction (the appointment service's feed; the CLI and
 * the admin route for demos and tests). Matched by id, else by code; a check-in already recorded is
 * kept whatever the new status says, so a replayed import does not undo an arrival.
 */
export async function upsertAppointments(
  db: Kysely<CentralDB>,
  list: Array<z.output<typeof api.AppointmentInput>>,
  now = new Date(),
): Promise<{ cursor: number; appointments: Array<{ id: string; code: string }> }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await takeCounterTurn(trx);
    let cursor = 0;
    const out: Array<{ id: string; code: string }> = [];
    for (const a of list) {
      const code = a.code ? canonicalAppointmentCode(a.code) : newAppointmentCode(a.date);
      const existing = await trx
        .selectFrom('appointments')
        .select(['id', 'status', 'checked_in_at', 'created_at'])
        .where((eb) => (a.id ? eb('id', '=', a.id) : eb('code', '=', code)))
        .executeTakeFirst();
      const id = existing?.id ?? a.id ?? crypto.randomUUID();
      cursor = await nextCursor(trx, id, at);
      const row: Row = {
        id,
        code,
        hall: a.hall,
        window: a.window,
        name: a.name,
        cert_type: a.certType,
        id_number: a.idNumber.trim().toUpperCase(),
        phone: a.phone,
        item_code: a.itemCode,
        item_name: a.itemName,
        date: a.date,
        slot_start: a.slotStart,
        slot_end: a.slotEnd,
        status: existing?.checked_in_at ? 'checked_in' : a.status,
        checked_in_at: existing?.checked_in_at ?? null,
        checked_in_window: null,
        created_at: existing?.created_at ?? at,
        updated_at: at,
        cursor,
      };
      if (existing) {
        const { checked_in_window: _keep, ...rest } = row;
        await trx.updateTable('appointments').set(rest).where('id', '=', id).execute();
      } else await trx.insertInto('appointments').values(row).execute();
      out.push({ id, code });
    }
    return { cursor, appointments: out };
  });
}

/**
 * 预约到号 reported by a window (inside the push transaction, beside the processed key). The first
 * check-in wins: a second report of the same appointment (another window, a re-offer after a
 * restore) changes nothing. An appointment this central does not hold is only recorded as received.
 */
export async function checkInAppointment(trx: Transaction<CentralDB>, e: { appointmentId: string; window: string; at: string }, receivedAt: string): Promise<void> {
  const found = await trx.selectFrom('appointments').select(['id', 'checked_in_at']).where('id', '=', e.appointmentId).executeTakeFirst();
  if (!found || found.checked_in_at) return;
  await takeCounterTurn(trx);
  const cursor = await nextCursor(trx, e.appointmentId, receivedAt);
  await trx
    .updateTable('appointments')
    .set({ status: 'checked_in', checked_in_at: e.at, checked_in_window: e.window, updated_at: receivedAt, cursor })
    .where('id', '=', e.appointmentId)
    .where('checked_in_at', 'is', null)
    .execute();
}

/** The hall's appointments changed after `since`, oldest change first, each as it stands now. */
export async function appointmentsSince(db: Db, hall: string, since: number, limit: number): Promise<Omit<z.input<typeof api.AppointmentsResponse>, 'generation' | 'serverTime'>> {
  const rows = await db.selectFrom('appointments').selectAll().where('hall', '=', hall).where('cursor', '>', since).orderBy('cursor').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return { cursor: page.at(-1)?.cursor ?? since, more: rows.length > limit, appointments: page.map(toWire) };
}

/** Every appointment of a hall on a date (the central CLI's list). */
export async function appointmentsOn(db: Db, hall: string, date: string): Promise<api.Appointment[]> {
  const rows = await db.selectFrom('appointments').selectAll().where('hall', '=', hall).where('date', '=', date).orderBy('slot_start').orderBy('code').execute();
  return rows.map(toWire);
}

function toWire(r: Row): api.Appointment {
  return {
    cursor: Number(r.cursor),
    id: r.id,
    code: r.code,
    hall: r.hall,
    window: r.window,
    name: r.name,
    certType: r.cert_type as api.Appointment['certType'],
    idNumber: r.id_number,
    phone: r.phone,
    itemCode: r.item_code,
    itemName: r.item_name,
    date: r.date,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    status: r.status as api.Appointment['status'],
    checkedInAt: r.checked_in_at,
    checkedInWindow: r.checked_in_window,
  };
}
