import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openCentralStore } from '../../central/db/open';
import { CentralProcess, runCli } from '../../central/testing/central-process';
import { appointmentInput, appointmentsOver } from '../appointments/testing';
import { openTestStack, type TestStack } from '../intake/testing';
import { SyncEngine } from './engine';
import { enrol } from './enrolment';
import { readSyncMeta } from './sync-meta';
import { tempDir } from './testing/window-fixture';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 90_000 });
const FAST = { baseMs: 30, maxMs: 300 };

/** Reads the central's appointments table while the server runs (SQLite in WAL: a reader does not block it). */
async function centralAppointments(dir: string) {
  const store = await openCentralStore({ dataDir: dir });
  try {
    const appointments = await store.db.selectFrom('appointments').selectAll().orderBy('cursor').execute();
    const checkIns = await store.db.selectFrom('received').select(['id', 'aggregate_id']).where('kind', '=', 'appointment.checkedIn').execute();
    return { appointments, checkIns };
  } finally {
    await store.close();
  }
}

describe('appointments between a real central process and windows', () => {
  const dir = tempDir('central-appointments');
  const central = new CentralProcess(dir);
  const stacks: TestStack[] = [];
  beforeAll(async () => {
    await central.start();
  });
  afterAll(async () => {
    await central.kill('SIGTERM');
    for (const s of stacks) await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function window(code: string) {
    const s = await openTestStack();
    stacks.push(s);
    await enrol(s.db, central.url, await central.enrolmentCode('HK01', code));
    return { s, engine: new SyncEngine({ db: s.db, pii: s.pii, backoff: FAST, pullPageSize: 100 }), service: appointmentsOver(s, code) };
  }

  test("the window pulls its hall's appointments page by page after its cursor, then only what changed", async () => {
    const hall = Array.from({ length: 250 }, (_, i) => appointmentInput(i + 1, { id: `a-${i + 1}`, window: i % 3 === 0 ? null : i % 3 === 1 ? 'W03' : 'W05' }));
    const other = Array.from({ length: 5 }, (_, i) => appointmentInput(900 + i, { id: `x-${i}`, hall: 'HK02' }));
    const made = await central.admin('/v1/admin/appointments', { body: { appointments: [...hall, ...other] } });
    const { s, engine, service } = await window('W03');
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    expect(Number(await s.db.selectFrom('appointment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow().then((r) => r.n))).toBe(250);
    expect(await s.db.selectFrom('appointment').select('id').where('hall_code', '!=', 'HK01').execute()).toEqual([]);
    // The cursor is the last HK01 change (the HK02 ones came after it and are not this hall's).
    const cursor = Number((await readSyncMeta(s.db)).appointmentCursor);
    expect(cursor).toBe(made.cursor - other.length);
    expect((await service.today('window')).appointments).toHaveLength(167);
    expect((await service.today('hall')).appointments).toHaveLength(250);

    // Nothing new: nothing pulled. One moved and one cancelled: exactly those two.
    expect(await engine.pullAppointments()).toEqual({ pulled: 0 });
    await central.admin('/v1/admin/appointments', { body: { appointments: [appointmentInput(2, { id: 'a-2', slotStart: '14:00', slotEnd: '14:30' }), appointmentInput(3, { id: 'a-3', status: 'cancelled' })] } });
    expect(await engine.pullAppointments()).toEqual({ pulled: 2 });
    expect(await s.db.selectFrom('appointment').select(['id', 'slot_start', 'status']).where('id', 'in', ['a-2', 'a-3']).orderBy('id').execute()).toEqual([
      { id: 'a-2', slot_start: '14:00', status: 'booked' },
      { id: 'a-3', slot_start: '09:30', status: 'cancelled' },
    ]);
  });

  test('a check-in reaches the central exactly once: a replay is a duplicate, a second window checking in the same one changes nothing', async () => {
    await central.admin('/v1/admin/appointments', { body: { appointments: [appointmentInput(1, { id: 'once-1', code: 'YY20260929ONCE01', window: null })] } });
    const w3 = await window('W03');
    const w5 = await window('W05');
    expect((await w3.engine.runUntilEmpty()).ok).toBe(true);
    expect((await w5.engine.runUntilEmpty()).ok).toBe(true);
    await w3.service.checkIn('once-1', w3.s.actor);
    expect((await w3.engine.runUntilEmpty()).ok).toBe(true);
    const first = (await centralAppointments(dir)).appointments.find((a) => a.id === 'once-1')!;
    expect(first).toMatchObject({ status: 'checked_in', checked_in_at: '2026-09-29T02:00:00.000Z', checked_in_window: 'W03' });

    // The answer was lost: the window sends the same entry again; the central answers duplicate.
    await w3.s.db.updateTable('outbox').set({ state: 'pending', done_at: null }).where('kind', '=', 'appointment.checkedIn').execute();
    expect((await w3.engine.runUntilEmpty()).ok).toBe(true);
    const outbox = await w3.s.db.selectFrom('outbox').select(['state', 'central_result']).where('kind', '=', 'appointment.checkedIn').executeTakeFirstOrThrow();
    expect(outbox.state).toBe('done');

    // W05 had pulled it as booked before; its clerk checks the same person in later (a re-queue at another window).
    w5.s.clock.now = new Date('2026-09-29T02:20:00Z');
    expect((await w5.service.checkIn('once-1', w5.s.actor)).alreadyCheckedIn).toBe(false);
    expect((await w5.engine.runUntilEmpty()).ok).toBe(true);
    const after = await centralAppointments(dir);
    expect(after.appointments.find((a) => a.id === 'once-1')).toMatchObject({ status: 'checked_in', checked_in_at: first.checked_in_at, checked_in_window: 'W03', cursor: first.cursor });
    // Two reports (one per window), the replay not among them; the first one counted.
    expect(after.checkIns.filter((r) => r.aggregate_id === 'once-1')).toHaveLength(2);
    // A third window pulling now sees it checked in, and its own check-in writes nothing.
    const w7 = await window('W07');
    expect((await w7.engine.runUntilEmpty()).ok).toBe(true);
    expect(await w7.service.checkIn('once-1', w7.s.actor)).toMatchObject({ alreadyCheckedIn: true, appointment: { status: 'checked_in' } });
    expect(await w7.s.db.selectFrom('outbox').selectAll().where('kind', '=', 'appointment.checkedIn').execute()).toEqual([]);
  });

  test('the central CLI adds and imports appointments while the server runs, and refuses a bad file saying which field', async () => {
    const add = await runCli(['central', 'appointments', 'add', '--data-dir', dir, '--hall', 'HK01', '--window', 'W03', '--name', '王小梅', '--id-number', '460106199005180240', '--item', 'ITEM-1', '--date', '2026-09-29', '--slot', '09:00-09:30']);
    expect(add.code === 0 ? 0 : add.stderr).toBe(0);
    expect(add.stdout.trim()).toMatch(/^YY20260929[0-9A-Z]{6}$/);
    const file = path.join(tempDir('appt-import'), 'a.json');
    fs.writeFileSync(file, JSON.stringify([appointmentInput(501, { id: 'cli-1' }), appointmentInput(502, { id: 'cli-2' })]));
    const imported = await runCli(['central', 'appointments', 'import', '--data-dir', dir, '--file', file, '--json']);
    expect(imported.code === 0 ? 0 : imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).appointments.map((a: { id: string }) => a.id)).toEqual(['cli-1', 'cli-2']);
    fs.writeFileSync(file, JSON.stringify([{ ...appointmentInput(503), slotStart: '9点' }]));
    const bad = await runCli(['central', 'appointments', 'import', '--data-dir', dir, '--file', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/预约数据不对，未登记：appointments\.0\.slotStart/);
    const listed = JSON.parse((await runCli(['central', 'appointments', 'list', '--data-dir', dir, '--hall', 'HK01', '--date', '2026-09-29', '--json'])).stdout);
    expect(listed.map((a: { code: string }) => a.code)).toContain(add.stdout.trim());
    expect(listed.find((a: { id: string }) => a.id === 'cli-2')).toMatchObject({ code: 'YY20260929000502', name: '预约测试人' });
  });
});
