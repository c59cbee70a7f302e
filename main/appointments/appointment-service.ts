import type { Kysely } from 'kysely';
import type { AppointmentView } from '../../common/contract/appointments';
import { AppError } from '../../common/contract/errors';
import { arrivalOf, canonicalAppointmentCode, hallMinutes, type AppointmentStatus } from '../../common/domain/appointments';
import { hallDate } from '../../common/domain/hall-date';
import { appendAudit } from '../audit/chain';
import type { PiiCipher } from '../crypto/pii-cipher';
import { enqueueOutbox } from '../db/outbox';
import type { DB } from '../db/schema';
import type { WindowIdentity } from '../intake/window-identity';
import { viewAppointment, type AppointmentRow, type ViewClock } from './appointment-view';

export type AppointmentScope = 'window' | 'hall';

export interface AppointmentDeps {
  db: Kysely<DB>;
  pii: PiiCipher;
  identity: () => Promise<WindowIdentity>;
  now?: () => Date;
}

/**
 * The hall's appointments as pulled from the central (sealed), read for the screen, found by card
 * or code, and checked in. A check-in is one transaction: the appointment's status, an audit entry
 * and the `appointment.checkedIn` outbox row; checking in twice writes nothing the second time.
 */
export class AppointmentService {
  constructor(private readonly d: AppointmentDeps) {}

  private async clock(): Promise<ViewClock & { hallCode: string }> {
    const at = this.d.now?.() ?? new Date();
    const id = await this.d.identity();
    return { today: hallDate(at), minutes: hallMinutes(at), windowCode: id.windowCode, hallCode: id.hallCode };
  }

  /** Today's appointments in scope, by slot, with the day's counts. */
  async today(scope: AppointmentScope) {
    const clock = await this.clock();
    const { appointments } = await this.list(scope, { from: clock.today, to: clock.today, limit: 5000 });
    const counts = { total: appointments.length, booked: 0, checkedIn: 0, noShow: 0, cancelled: 0 };
    for (const a of appointments) {
      if (a.noShow) counts.noShow++;
      else if (a.status === 'booked') counts.booked++;
      else if (a.status === 'checked_in') counts.checkedIn++;
      else if (a.status === 'cancelled') counts.cancelled++;
    }
    return { date: clock.today, scope, windowCode: clock.windowCode, appointments, counts };
  }

  async list(scope: AppointmentScope, q: { from?: string; to?: string; status?: AppointmentStatus[]; limit: number }) {
    const clock = await this.clock();
    let query = this.d.db
      .selectFrom('appointment')
      .selectAll()
      .where('date', '>=', q.from ?? clock.today)
      .where('date', '<=', q.to ?? q.from ?? clock.today);
    if (scope === 'window') query = query.where((eb) => eb.or([eb('window_code', '=', clock.windowCode), eb('window_code', 'is', null)]));
    if (q.status?.length) query = query.where('status', 'in', q.status);
    const rows = await query.orderBy('date').orderBy('slot_start').orderBy('code').limit(q.limit + 1).execute();
    return { appointments: rows.slice(0, q.limit).map((r) => viewAppointment(this.d.pii, r, clock)), truncated: rows.length > q.limit };
  }

  /** Today's appointments of one person in this hall (by keyed hash of the ID number), not cancelled, by slot. */
  async forPerson(idNumber: string): Promise<AppointmentView[]> {
    const clock = await this.clock();
    const rows = await this.d.db
      .selectFrom('appointment')
      .selectAll()
      .where('id_hash', '=', this.d.pii.lookupHash(idNumber.trim()))
      .where('date', '=', clock.today)
      .where('status', '!=', 'cancelled')
      .orderBy('slot_start')
      .execute();
    return rows.map((r) => viewAppointment(this.d.pii, r, clock));
  }

  async byCode(code: string): Promise<AppointmentView | null> {
    const clock = await this.clock();
    const row = await this.d.db.selectFrom('appointment').selectAll().where('code', '=', canonicalAppointmentCode(code)).executeTakeFirst();
    return row ? viewAppointment(this.d.pii, row, clock) : null;
  }

  /**
   * 预约到号 when the clerk starts the intake from the appointment: arrival is what the appointment
   * service needs (a late applicant may still leave without a case), so it is reported now, not with
   * the decision. Refused for a cancelled appointment or one of another day (serve as a walk-in).
   */
  async checkIn(appointmentId: string, actor: { id: string }): Promise<{ appointment: AppointmentView; alreadyCheckedIn: boolean }> {
    const clock = await this.clock();
    const at = (this.d.now?.() ?? new Date()).toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('appointment').selectAll().where('id', '=', appointmentId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', '找不到该预约：请先同步预约（或按现场办理）。');
      if (row.status === 'checked_in') return { appointment: viewAppointment(this.d.pii, row, clock), alreadyCheckedIn: true };
      if (row.status === 'cancelled') throw new AppError('CONFLICT', '该预约已取消，不能到号；可按现场办理受理。');
      if (row.date !== clock.today) throw new AppError('CONFLICT', `该预约是 ${row.date} 的，不是今天；请按现场办理受理，或请申请人改约。`);
      const arrival = arrivalOf({ start: row.slot_start, end: row.slot_end }, clock.minutes);
      const minutesOffSlot = arrival.kind === 'late' ? arrival.minutes : arrival.kind === 'early' ? -arrival.minutes : 0;
      const checked: AppointmentRow = { ...row, status: 'checked_in', checked_in_at: at, checked_in_by: actor.id, updated_at: at };
      await trx.updateTable('appointment').set({ status: 'checked_in', checked_in_at: at, checked_in_by: actor.id, updated_at: at }).where('id', '=', row.id).execute();
      await appendAudit(trx, { actor: actor.id, action: 'appointment.checkIn', subject: row.id, detail: { code: row.code, itemCode: row.item_code, minutesOffSlot } });
      await enqueueOutbox(trx, {
        kind: 'appointment.checkedIn',
        aggregateId: row.id,
        payload: { appointmentId: row.id, code: row.code, hallCode: clock.hallCode, windowCode: clock.windowCode, clerkId: actor.id, at, minutesOffSlot },
      });
      return { appointment: viewAppointment(this.d.pii, checked, clock), alreadyCheckedIn: false };
    });
  }

  async countToday(): Promise<number> {
    const { today } = await this.clock();
    const r = await this.d.db.selectFrom('appointment').select((eb) => eb.fn.countAll<number>().as('n')).where('date', '=', today).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
