import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../../central/http/server';
import { upsertAppointments } from '../../../central/store/appointments';
import { createEnrolmentCode } from '../../../central/store/enrolment';
import { runCli } from '../../../central/testing/central-process';
import { hallDate } from '../../../common/domain/hall-date';
import { AppointmentInput } from '../../../common/sync/api';
import { createApp, type App } from '../../app/app';
import { nextEvent, sampleCardRead } from '../../app/testing';
import { appointmentInput, BOOKED_PERSON } from '../../appointments/testing';
import { cliApi } from '../../cli/app';

let central: CentralServer;
let app: App;
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-appt-api-'));
  dirs.push(d);
  return d;
};
const as = (roles: Array<'clerk' | 'supervisor' | 'maintenance'>) => app.services.sessions.set({ staffId: `${roles[0]}01`, name: '测试', roles });
function ok<T = any>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeAll(async () => {
  central = await startCentralServer({ dataDir: tmp(), port: 0 });
  app = await createApp({ dataDir: tmp(), mode: 'normal', transport: 'test' });
});
afterAll(async () => {
  await app.close();
  await central.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('appointments through the router', () => {
  it('pull (audited), today by role, a card read finds the person, only a clerk checks in; the CLI may read and pull, not check in', async () => {
    const today = hallDate(new Date());
    const day = { date: today, slotStart: '00:00', slotEnd: '23:59', hall: 'H01' };
    await upsertAppointments(central.store.db, [
      AppointmentInput.parse(appointmentInput(1, { ...day, id: 'mine', window: 'W07' })),
      AppointmentInput.parse(appointmentInput(2, { ...day, id: 'hall', window: null, idNumber: '110105194912310029', name: '别人' })),
      AppointmentInput.parse(appointmentInput(3, { ...day, id: 'other', window: 'W08', idNumber: '110105194912310029', name: '别人' })),
    ]);
    as(['maintenance']);
    ok(await app.invoke('sync.enroll', { centralUrl: central.url, code: (await createEnrolmentCode(central.store.db, 'H01', 'W07')).code }));
    expect(ok(await app.invoke('appointments.pull', undefined))).toEqual({ pulled: 3, cursor: 3, today: 3 });
    const audit = await app.services.database.db.selectFrom('audit_log').select(['actor', 'action', 'detail']).where('action', '=', 'appointments.pull').execute();
    expect(audit).toEqual([{ actor: 'maintenance01', action: 'appointments.pull', detail: JSON.stringify({ from: 0, to: 3 }) }]);
    expect((await app.invoke('appointments.today', undefined)).ok).toBe(false);

    as(['clerk']);
    const mine = ok(await app.invoke('appointments.today', undefined));
    expect([mine.scope, mine.appointments.map((a: { id: string }) => a.id).sort()]).toEqual(['window', ['hall', 'mine']]);
    as(['supervisor']);
    expect(ok(await app.invoke('appointments.today', undefined)).appointments).toHaveLength(3);
    expect(await app.invoke('appointments.checkIn', { appointmentId: 'mine' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    as(['clerk']);
    const announced = nextEvent(app, 'intake.applicant');
    app.internal.emit('card.read', sampleCardRead(BOOKED_PERSON.idNumber));
    const { cardToken } = await announced;
    const found = ok(await app.invoke('appointments.forCard', { cardToken }));
    expect(found.appointments.map((a: { id: string; name: string }) => [a.id, a.name])).toEqual([['mine', '预****']]);
    expect(JSON.stringify(found)).not.toContain(BOOKED_PERSON.idNumber);
    expect(ok(await app.invoke('appointments.checkIn', { appointmentId: 'mine' }))).toMatchObject({ alreadyCheckedIn: false, appointment: { status: 'checked_in' } });
    expect(await app.invoke('appointments.forCard', { cardToken: 'gone' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '读卡信息已过期，请重新读卡。' } });

    const cli = cliApi(app);
    expect((await cli.call('appointments.today', undefined)).appointments).toHaveLength(3);
    await expect(cli.call('appointments.checkIn' as never, { appointmentId: 'hall' } as never)).rejects.toThrow(/权限/);
  });

  it('yichuang appointments today|pull run through the router of a data folder', async () => {
    const dir = tmp();
    const today = await runCli(['--data-dir', dir, 'appointments', 'today', '--json']);
    expect(today.code === 0 ? 0 : today.stderr).toBe(0);
    expect(JSON.parse(today.stdout)).toMatchObject({ scope: 'hall', appointments: [], counts: { total: 0 } });
    const pull = await runCli(['--data-dir', dir, 'appointments', 'pull']);
    expect(pull.code).toBe(1);
    expect(pull.stderr).toMatch(/尚未注册到中心平台/);
  });
});
