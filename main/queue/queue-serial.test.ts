import { afterEach, describe, expect, it } from 'vitest';
import type { QueueView } from '../../common/contract/queue';
import { CallerSimulator } from '../../native/queue-caller/sim/caller-simulator';
import type { Opened } from '../app/testing';
import { acceptSample, ok, queueApp, until } from '../app/testing/queue';

const opened: Opened = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

async function serialSetup() {
  const sim = await CallerSimulator.start({ addr: 3, baud: 9600 });
  opened.push(sim);
  const app = await queueApp(opened);
  ok(await app.invoke('devices.configure', { devices: [{ id: 'caller-1', kind: 'queueCaller', port: sim.path, callerAddress: 3 }] }));
  app.services.settings.update({ queue: { driver: 'serial', callerDeviceId: 'caller-1' } });
  await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).online);
  return { sim, app };
}

describe('queue over the serial window caller (device layer, real pty)', () => {
  it('calls the caller’s next ticket with its wait, links the case, recalls and passes by number', async () => {
    const { sim, app } = await serialSetup();
    sim.issue('A');
    sim.issue('B');
    const probes = sim.received.length;
    const called = ok<QueueView>(await app.invoke('queue.next', undefined));
    expect(called).toMatchObject({ driver: 'serial', online: true, waiting: 1, current: { number: 'A001', queue: 'A' } });
    expect(called.current!.waitSeconds).toBeGreaterThanOrEqual(0);
    const accepted = await acceptSample(app);
    const row = await app.services.database.db.selectFrom('intake_case').select('ticket_id').where('id', '=', accepted.caseId).executeTakeFirstOrThrow();
    expect(row.ticket_id).toBe(called.current!.id);
    expect(ok<QueueView>(await app.invoke('queue.recall', undefined)).current?.recalls).toBe(1);
    expect(ok<QueueView>(await app.invoke('queue.next', undefined)).current?.number).toBe('B001');
    expect(ok<QueueView>(await app.invoke('queue.pass', undefined)).current).toBeNull();
    // The operations reach the caller in order, by number, and the view comes from their own answers:
    // no status query (a second exchange on the line) after any of them.
    expect(sim.received.slice(probes)).toEqual([{ type: 'callNext' }, { type: 'recall', ticket: 'A001' }, { type: 'callNext' }, { type: 'pass', ticket: 'B001' }]);
    expect(ok<QueueView>(await app.invoke('queue.pause', undefined))).toMatchObject({ paused: true, waiting: 0, online: true });
    expect(sim.received.at(-1)).toEqual({ type: 'pause' });
  });

  it('a key pressed on the caller calls the next ticket for the signed-in clerk', async () => {
    const { sim, app } = await serialSetup();
    sim.issue('C');
    sim.press('next');
    await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).current?.number === 'C001');
    const audit = await app.services.database.db.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'queue.next').execute();
    expect(audit).toEqual([{ action: 'queue.next', actor: 'demo' }]);
  });

  it('the caller driver chosen with no caller filled in: the view says what to fill in, calls refuse plainly', async () => {
    const app = await queueApp(opened);
    app.services.settings.update({ queue: { driver: 'serial', callerDeviceId: null } });
    await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).driver === 'serial');
    const v = ok<QueueView>(await app.invoke('queue.status', undefined));
    expect(v).toMatchObject({ driver: 'serial', missing: 'callerDeviceId', online: false });
    expect(v.reason).toMatch(/运维 → 设备.*queue\.callerDeviceId/);
    expect(await app.invoke('queue.next', undefined)).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE', message: expect.stringMatching(/queue\.callerDeviceId/) } });
  });

  it('an unplugged caller: the bar says so, intake goes on', async () => {
    const { sim, app } = await serialSetup();
    await sim.close();
    await until(async () => !ok<QueueView>(await app.invoke('queue.status', undefined)).online);
    const status = ok<QueueView>(await app.invoke('queue.status', undefined));
    expect(status.reason).toMatch(/叫号器.*可以继续接待未取号的群众/);
    expect(await app.invoke('queue.next', undefined)).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    await acceptSample(app);
  });
});
