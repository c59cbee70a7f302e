import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { itemCode, openTestStack, type TestStack } from '../intake/testing';
import { applyAppointmentPage } from '../sync/pull-appointments';
import { appointmentsOver, BOOKED_PERSON, wireAppointment } from './testing';

let s: TestStack | undefined;
afterEach(async () => s?.close());

/** appt-1 checked in at this window, and what its intake sends: an item, its materials, the booked person. */
async function checkedInApplicant() {
  s = await openTestStack();
  await applyAppointmentPage(s.db, s.pii, [wireAppointment(1)], 1);
  await appointmentsOver(s).checkIn('appt-1', s.actor);
  const code = itemCode(s, '失业保险金申领');
  const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
  const applicant = { kind: 'person' as const, idType: 'resident' as const, idNumber: BOOKED_PERSON.idNumber, name: BOOKED_PERSON.name };
  return { st: s, code, materials, applicant };
}

// The stack's clock: 2026-09-29T02:00Z = 10:00 in the hall.
describe('appointments on the window', () => {
  it('are sealed at rest: no file of the data folder holds the name, ID number or phone in clear', async () => {
    s = await openTestStack();
    await applyAppointmentPage(s.db, s.pii, [wireAppointment(1), wireAppointment(2, { window: null })], 2);
    const service = appointmentsOver(s);
    expect((await service.today('window')).appointments).toHaveLength(2);
    const files = fs.readdirSync(s.dir).filter((f) => f.includes('.db') || f.endsWith('-wal'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(s.dir, f));
      for (const clear of [BOOKED_PERSON.name, BOOKED_PERSON.idNumber, BOOKED_PERSON.phone]) expect(bytes.includes(Buffer.from(clear)), `${clear} in ${f}`).toBe(false);
    }
    // The code the applicant shows stays readable for scanning; the person is found by keyed hash only.
    const row = await s.db.selectFrom('appointment').selectAll().where('id', '=', 'appt-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ code: 'YY20260929000001', id_hash: s.pii.lookupHash(BOOKED_PERSON.idNumber), status: 'booked' });
    expect(row.name_sealed).not.toContain(BOOKED_PERSON.name);
  });

  it("a card's ID number finds that person's appointments of today in the hall, masked, with the slot against the clock", async () => {
    s = await openTestStack();
    await applyAppointmentPage(
      s.db,
      s.pii,
      [
        wireAppointment(1, { slotStart: '09:00', slotEnd: '09:30' }),
        wireAppointment(2, { slotStart: '10:30', slotEnd: '11:00', window: 'W05' }),
        wireAppointment(3, { date: '2026-09-30' }),
        wireAppointment(4, { status: 'cancelled' }),
        wireAppointment(5, { idNumber: '110105194912310029', name: '别人' }),
      ],
      5,
    );
    const found = await appointmentsOver(s).forPerson(BOOKED_PERSON.idNumber.toLowerCase());
    expect(found.map((a) => [a.id, a.arrival, a.otherWindow])).toEqual([
      ['appt-1', { kind: 'late', minutes: 30 }, false],
      ['appt-2', { kind: 'early', minutes: 30 }, true],
    ]);
    expect(found[0]).toMatchObject({ name: '预****', idNumber: `${BOOKED_PERSON.idNumber.slice(0, 4)}**********${BOOKED_PERSON.idNumber.slice(-4)}`, phone: '139****1234', noShow: true });
    expect(await appointmentsOver(s).byCode('yy-20260929000002')).toMatchObject({ id: 'appt-2', windowCode: 'W05' });
    expect(await appointmentsOver(s).byCode('YY20260929999999')).toBeNull();
  });

  it('a clerk sees this window and the hall-wide ones, a supervisor the hall; no-shows are counted', async () => {
    s = await openTestStack();
    await applyAppointmentPage(
      s.db,
      s.pii,
      [wireAppointment(1, { slotStart: '08:00', slotEnd: '08:30' }), wireAppointment(2, { window: null }), wireAppointment(3, { window: 'W05' }), wireAppointment(4, { status: 'cancelled' })],
      4,
    );
    const service = appointmentsOver(s);
    const mine = await service.today('window');
    expect(mine.appointments.map((a) => a.id).sort()).toEqual(['appt-1', 'appt-2', 'appt-4']);
    expect(mine.counts).toEqual({ total: 3, booked: 1, checkedIn: 0, noShow: 1, cancelled: 1 });
    expect((await service.today('hall')).appointments).toHaveLength(4);
  });

  it('checks in once: status, audit and one outbox entry in one transaction; a pull from before the report does not undo it', async () => {
    s = await openTestStack();
    await applyAppointmentPage(s.db, s.pii, [wireAppointment(1)], 1);
    const service = appointmentsOver(s);
    const first = await service.checkIn('appt-1', s.actor);
    expect(first).toMatchObject({ alreadyCheckedIn: false, appointment: { status: 'checked_in', checkedInAt: '2026-09-29T02:00:00.000Z' } });
    expect((await service.checkIn('appt-1', s.actor)).alreadyCheckedIn).toBe(true);
    const outbox = await s.db.selectFrom('outbox').select(['kind', 'aggregate_id', 'payload']).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'appointment.checkedIn', aggregate_id: 'appt-1' });
    expect(JSON.parse(outbox[0]!.payload)).toEqual({
      appointmentId: 'appt-1', code: 'YY20260929000001', hallCode: 'HK01', windowCode: 'W03', clerkId: 'clerk01', at: '2026-09-29T02:00:00.000Z', minutesOffSlot: 0,
    });
    const audit = await s.db.selectFrom('audit_log').select(['action', 'subject']).where('action', '=', 'appointment.checkIn').execute();
    expect(audit).toEqual([{ action: 'appointment.checkIn', subject: 'appt-1' }]);
    await applyAppointmentPage(s.db, s.pii, [wireAppointment(1, { cursor: 7, slotEnd: '11:00' })], 7);
    expect(await s.db.selectFrom('appointment').select(['status', 'central_status', 'slot_end']).executeTakeFirstOrThrow()).toEqual({ status: 'checked_in', central_status: 'booked', slot_end: '11:00' });
  });

  it('refuses a cancelled appointment, one of another day and an unknown one, in plain Chinese, writing nothing', async () => {
    s = await openTestStack();
    await applyAppointmentPage(s.db, s.pii, [wireAppointment(1, { status: 'cancelled' }), wireAppointment(2, { date: '2026-09-30' })], 2);
    const service = appointmentsOver(s);
    await expect(service.checkIn('appt-1', s.actor)).rejects.toThrow(/已取消/);
    await expect(service.checkIn('appt-2', s.actor)).rejects.toThrow(/2026-09-30 的，不是今天/);
    await expect(service.checkIn('nope', s.actor)).rejects.toThrow(/找不到该预约/);
    expect(await s.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });

  it('the case started from an appointment records its id (case row, outbox snapshot) and the appointment the case', async () => {
    const { st, code, materials, applicant } = await checkedInApplicant();
    const accepted = await st.intake.accept({ itemCode: code, applicant, materials, appointmentId: 'appt-1' }, st.actor);
    const walkIn = await st.intake.accept({ itemCode: code, applicant, materials }, st.actor);
    expect(await st.db.selectFrom('intake_case').select(['id', 'appointment_id']).orderBy('created_at').execute()).toEqual([
      { id: accepted.caseId, appointment_id: 'appt-1' },
      { id: walkIn.caseId, appointment_id: null },
    ]);
    expect((await st.db.selectFrom('appointment').select('case_id').executeTakeFirstOrThrow()).case_id).toBe(accepted.caseId);
    const entries = await st.db.selectFrom('outbox').select(['aggregate_id', 'payload']).where('kind', '=', 'case.accepted').execute();
    const snapshot = (id: string) => JSON.parse(entries.find((e) => e.aggregate_id === id)!.payload).case;
    expect(snapshot(accepted.caseId).appointmentId).toBe('appt-1');
    expect(snapshot(walkIn.caseId)).not.toHaveProperty('appointmentId');
    await expect(st.intake.accept({ itemCode: code, applicant, materials, appointmentId: 'nope' }, st.actor)).rejects.toThrow(/找不到该预约/);
    expect(Number((await sql<{ n: number }>`select count(*) as n from intake_case`.execute(st.db)).rows[0]!.n)).toBe(2);
  });

  it('a draft saved from an appointment and decided later without its id (继续办理) links the appointment', async () => {
    const { st, code, materials, applicant } = await checkedInApplicant();
    const draft = await st.intake.saveDraft({ itemCode: code, applicant, materials, appointmentId: 'appt-1' }, st.actor);
    expect((await st.db.selectFrom('appointment').select('case_id').executeTakeFirstOrThrow()).case_id).toBeNull();
    await st.intake.accept({ caseId: draft.caseId, itemCode: code, applicant, materials }, st.actor);
    expect((await st.db.selectFrom('appointment').select('case_id').executeTakeFirstOrThrow()).case_id).toBe(draft.caseId);
    const entry = await st.db.selectFrom('outbox').select('payload').where('kind', '=', 'case.accepted').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.payload).case.appointmentId).toBe('appt-1');
  });
});
