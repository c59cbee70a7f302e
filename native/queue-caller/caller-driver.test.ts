import { afterEach, describe, expect, it } from 'vitest';
import { DeviceKindRegistry, DeviceManager, type DeviceStatus } from '../devices';
import { CallerDesk, type CallerKeyEvent } from './caller-driver';
import { CallerSimulator, type CallerSimulatorOptions } from './sim/caller-simulator';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

async function setup(opts: CallerSimulatorOptions = {}, device: { callerAddress?: number } = {}) {
  const sim = await CallerSimulator.start(opts);
  const desk = new CallerDesk();
  const registry = new DeviceKindRegistry();
  registry.register(desk.kind);
  const manager = new DeviceManager({ registry, listPorts: async () => [], pollMs: 200, backoff: { initialMs: 100, maxMs: 500 } });
  cleanups.push(() => manager.stop(), () => sim.close());
  const statuses: DeviceStatus[] = [];
  const keys: CallerKeyEvent[] = [];
  manager.events.on('status', (s) => statuses.push(s));
  manager.events.on('queueCallerKey', (k) => keys.push(k));
  await manager.configure([{ id: 'caller-1', kind: 'queueCaller', port: sim.path, ...device }]);
  manager.start();
  return { sim, desk, manager, statuses, keys };
}

describe('serial window caller on a real pty', () => {
  it('calls, recalls, passes, transfers, pauses and evaluates through the frames', async () => {
    const { sim, desk, manager } = await setup({ addr: 7, baud: 9600, rating: 2 }, { callerAddress: 7 });
    await until(() => manager.status('caller-1')?.state === 'connected');
    expect(manager.status('caller-1')).toMatchObject({ baud: 9600, details: { addr: 7, paused: false } });

    expect(await desk.command('caller-1', { type: 'callNext' })).toEqual({ type: 'called', status: 1, called: null, waiting: 0 });
    sim.issue('A');
    sim.issue('A');
    const called = await desk.command('caller-1', { type: 'callNext' });
    expect(called).toMatchObject({ type: 'called', status: 0, waiting: 1, called: { ticket: 'A001', queue: 'A', waiting: 1 } });
    // Done answers carry the window's state (paused, waiting): the host needs no status query after them.
    expect(await desk.command('caller-1', { type: 'recall', ticket: 'A001' })).toEqual({ type: 'done', func: 2, status: 0, window: { paused: false, waiting: 1 } });
    expect(await desk.command('caller-1', { type: 'recall', ticket: 'A999' })).toEqual({ type: 'done', func: 2, status: 4, window: null });
    expect(await desk.command('caller-1', { type: 'evaluate', ticket: 'A001', timeoutSec: 5 })).toEqual({ type: 'evaluated', status: 0, level: 2 });
    expect(await desk.command('caller-1', { type: 'transfer', ticket: 'A001', to: { queue: 'B' } })).toEqual({ type: 'done', func: 7, status: 0, window: { paused: false, waiting: 2 } });
    expect(sim.waitingCount).toBe(2);
    expect(await desk.command('caller-1', { type: 'pause' })).toEqual({ type: 'done', func: 5, status: 0, window: { paused: true, waiting: 2 } });
    expect(await desk.command('caller-1', { type: 'callNext' })).toMatchObject({ status: 2, called: null });
    expect(await desk.command('caller-1', { type: 'status' })).toEqual({ type: 'status', status: 0, paused: true, waiting: 2 });
    await desk.command('caller-1', { type: 'resume' });
    // The transferred ticket is served first, in its new queue.
    expect(await desk.command('caller-1', { type: 'callNext' })).toMatchObject({ called: { ticket: 'A001', queue: 'B' } });
    expect(await desk.command('caller-1', { type: 'pass', ticket: 'A001' })).toEqual({ type: 'done', func: 3, status: 0, window: { paused: false, waiting: 1 } });
    expect(sim.received.map((c) => c.type)).toEqual(['status', 'callNext', 'callNext', 'recall', 'recall', 'evaluate', 'transfer', 'pause', 'callNext', 'status', 'resume', 'callNext', 'pass']);
  });

  it('reports keys pressed on the caller and keeps working after line noise', async () => {
    const { sim, desk, manager, keys } = await setup();
    await until(() => manager.status('caller-1')?.state === 'connected');
    sim.press('next');
    await until(() => keys.length === 1);
    expect(keys[0]).toMatchObject({ deviceId: 'caller-1', key: 'next' });
    sim.issue('C');
    expect(await desk.command('caller-1', { type: 'callNext' })).toMatchObject({ called: { ticket: 'C001' } });
  });

  it('refuses a caller that does not answer, in plain Chinese, and fails commands when it is unplugged', async () => {
    const { statuses } = await setup({ mute: true });
    await until(() => statuses.some((s) => s.state === 'error'));
    expect(statuses.find((s) => s.state === 'error')!.reason).toMatch(/叫号器（地址 1）没有应答/);

    const other = await setup();
    await until(() => other.manager.status('caller-1')?.state === 'connected');
    await other.sim.close();
    await expect(other.desk.command('caller-1', { type: 'callNext' })).rejects.toThrow(/叫号器/);
  });
});
