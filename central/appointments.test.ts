import { afterEach, describe, expect, test } from 'vitest';
import { appointmentInput } from '../main/appointments/testing';
import type { CentralServer } from './http/server';
import { appointmentsSince, upsertAppointments } from './store/appointments';
import { ingestBatch } from './store/ingest';
import { PG_SKIP_REASON, TEST_PG_URL } from './testing/postgres';
import { startTestCentral } from './testing/central-tables';
import { AppointmentInput } from '../common/sync/api';

if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);

const who = { deviceId: 'dev-1', hall: 'HK01', window: 'W03' };
const checkIn = (id: string, key: string, seq: number, window = 'W03', at = '2026-09-29T02:00:00.000Z') => ({
  id: key,
  seq,
  kind: 'appointment.checkedIn',
  v: 2,
  aggregateId: id,
  createdAt: at,
  payload: { appointmentId: id, code: 'YY1', hallCode: 'HK01', windowCode: window, clerkId: 'clerk01', at, minutesOffSlot: 0 },
});

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !TEST_PG_URL },
])('central appointments on $backend', ({ backend, skip }) => {
  const it = skip ? test.skip : test;
  let central: (CentralServer & { dispose(): Promise<void> }) | undefined;
  afterEach(async () => central?.dispose());

  it('pages a hall after a cursor; a change moves the appointment to the end; a check-in is applied once, the first one kept', async () => {
    central = await startTestCentral(backend);
    const db = central.store.db;
    const parse = (n: number, over = {}) => AppointmentInput.parse(appointmentInput(n, { id: `a-${n}`, ...over }));
    await upsertAppointments(db, [parse(1), parse(2), parse(3), parse(4, { hall: 'HK02' })]);
    const first = await appointmentsSince(db, 'HK01', 0, 2);
    expect([first.appointments.map((a) => a.id), first.more]).toEqual([['a-1', 'a-2'], true]);
    const rest = await appointmentsSince(db, 'HK01', first.cursor, 2);
    expect([rest.appointments.map((a) => a.id), rest.more]).toEqual([['a-3'], false]);
    await upsertAppointments(db, [parse(1, { slotStart: '15:00', slotEnd: '15:30' })]);
    const moved = await appointmentsSince(db, 'HK01', rest.cursor, 10);
    expect(moved.appointments.map((a) => [a.id, a.slotStart])).toEqual([['a-1', '15:00']]);

    const results = await ingestBatch(db, who, [checkIn('a-2', 'k1', 1), checkIn('missing', 'k2', 2)]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    // The answer was lost and the window sends it again.
    expect((await ingestBatch(db, who, [checkIn('a-2', 'k1', 1)]))[0]!.status).toBe('duplicate');
    const later = await ingestBatch(db, { ...who, window: 'W05' }, [checkIn('a-2', 'k3', 1, 'W05', '2026-09-29T03:00:00.000Z')]);
    expect(later[0]!.status).toBe('accepted');
    const seen = await appointmentsSince(db, 'HK01', moved.cursor, 10);
    expect(seen.appointments).toMatchObject([{ id: 'a-2', status: 'checked_in', checkedInAt: '2026-09-29T02:00:00.000Z', checkedInWindow: 'W03' }]);
    // A replayed import of the booking does not undo the arrival.
    await upsertAppointments(db, [parse(2)]);
    expect((await appointmentsSince(db, 'HK01', seen.cursor, 10)).appointments).toMatchObject([{ id: 'a-2', status: 'checked_in', checkedInAt: '2026-09-29T02:00:00.000Z' }]);
  });
});
