import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EvaluatorSimulator } from '../../native/evaluator/sim/evaluator-simulator';
import type { App } from '../app/app';
import { nodeForkLauncher, type ServiceLauncher } from '../devices/service/launcher';
import { bundleDeviceService } from '../devices/service/testing';
import { nextEvent, testApp, type Opened } from '../app/testing';

// The serial 好差评 keypad with devices out of process, as at a real hall: the app's device service
// is a real child process (the shipped bundle, default kinds) whose driver opens the simulator's pty.
let bundle: Awaited<ReturnType<typeof bundleDeviceService>>;
beforeAll(async () => {
  bundle = await bundleDeviceService(path.join(import.meta.dirname, '..', 'devices', 'service', 'default-kinds.ts'));
});
afterAll(() => fs.rmSync(bundle.dir, { recursive: true, force: true }));

const opened: Opened = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

const clerk = { staffId: 'c1', name: '窗口', roles: ['clerk' as const, 'maintenance' as const] };

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

/** An app whose devices run in a forked device service (pids recorded), with a keypad configured on a pty. */
async function appWithKeypad(): Promise<{ a: App; sim: EvaluatorSimulator; pids: number[] }> {
  const pids: number[] = [];
  const fork = nodeForkLauncher(bundle.entry);
  const launch: ServiceLauncher = (env) => {
    const p = fork(env);
    if (p.pid) pids.push(p.pid);
    return p;
  };
  const a = await testApp(opened, 'normal', { deviceLauncher: launch });
  a.services.sessions.set(clerk);
  const sim = await EvaluatorSimulator.start();
  opened.push(sim);
  const connected = nextEvent(a, 'device.status', (s) => s.id === 'eval-1' && s.state === 'connected');
  expect((await a.invoke('devices.configure', { devices: [{ id: 'eval-1', kind: 'evaluator', port: sim.path }] })).ok).toBe(true);
  await connected;
  expect(pids).toHaveLength(1);
  expect(pids[0]).not.toBe(process.pid);
  return { a, sim, pids };
}

async function prompt(a: App, input: { caseId?: string; timeoutMs?: number } = {}): Promise<{ promptId: string; device: string }> {
  const res = await a.invoke('evaluator.prompt', input);
  if (!res.ok) throw new Error(res.error.message);
  return res.value as { promptId: string; device: string };
}

describe('serial keypad in the device service process', () => {
  it('prompt → key press → rating in main; idle key press → rating without prompt; timeout and cancel cross too', async () => {
    const { a, sim } = await appWithKeypad();
    const prompted = nextEvent(a, 'evaluator.prompted');
    const { promptId, device } = await prompt(a, { caseId: 'HK01-W03-20261127-0042' });
    expect(device).toBe('eval-1');
    expect(await prompted).toMatchObject({ promptId, device: 'eval-1', caseId: 'HK01-W03-20261127-0042' });
    await until(() => sim.currentPrompt === promptId);
    expect(sim.received.find((l) => l.type === 'prompt')).toMatchObject({ promptId, caseLabel: 'HK01-W03-20261127-0042', timeoutSec: 60 });
    const rating = nextEvent(a, 'evaluator.rating');
    sim.press(2, ['态度好', 'a|b 100%']);
    expect(await rating).toEqual({ caseId: 'HK01-W03-20261127-0042', promptId, level: 2, reasons: ['态度好', 'a|b 100%'], channel: 'evaluator', device: 'eval-1' });
    await until(() => sim.received.some((l) => l.type === 'ok' && l.promptId === promptId));

    // Someone presses a key on the idle keypad.
    const walkUp = nextEvent(a, 'evaluator.rating');
    sim.press(1);
    expect(await walkUp).toEqual({ level: 1, reasons: [], channel: 'evaluator', device: 'eval-1' });

    // Nobody answers: the keypad's own timer ends the prompt.
    const timedOut = await prompt(a, { timeoutMs: 1000 });
    expect(await nextEvent(a, 'evaluator.ended', (e) => e.promptId === timedOut.promptId)).toMatchObject({ outcome: 'timeout', device: 'eval-1' });

    const cancelled = await prompt(a);
    await until(() => sim.currentPrompt === cancelled.promptId);
    const ended = nextEvent(a, 'evaluator.ended', (e) => e.promptId === cancelled.promptId);
    expect(await a.invoke('evaluator.cancel', { promptId: cancelled.promptId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await ended).toMatchObject({ outcome: 'cancelled', device: 'eval-1' });
    await until(() => sim.currentPrompt === null);
    expect(sim.received.some((l) => l.type === 'cancel' && l.promptId === cancelled.promptId)).toBe(true);
  }, 60_000);

  it('unplugged mid-prompt: the prompt fails and the next one goes to the on-screen pad', async () => {
    const { a, sim } = await appWithKeypad();
    const pending = await prompt(a, { caseId: 'HK01-W03-20261127-0043' });
    await until(() => sim.currentPrompt === pending.promptId);
    const failed = nextEvent(a, 'evaluator.ended', (e) => e.promptId === pending.promptId);
    const gone = nextEvent(a, 'device.status', (s) => s.id === 'eval-1' && s.state !== 'connected');
    await sim.close();
    expect(await failed).toMatchObject({ outcome: 'failed', device: 'eval-1' });
    await gone;

    const next = await prompt(a, { caseId: 'HK01-W03-20261127-0043' });
    expect(next.device).toBe('screen');
    const rating = nextEvent(a, 'evaluator.rating');
    expect(await a.invoke('evaluator.submit', { promptId: next.promptId, level: 3 })).toEqual({ ok: true, value: { accepted: true } });
    expect(await rating).toMatchObject({ promptId: next.promptId, level: 3, channel: 'screen', device: 'screen' });
  }, 60_000);

  it('the service killed mid-prompt: the prompt fails, the restarted service re-registers the keypad', async () => {
    const { a, sim, pids } = await appWithKeypad();
    const pending = await prompt(a);
    await until(() => sim.currentPrompt === pending.promptId);
    const failed = nextEvent(a, 'evaluator.ended', (e) => e.promptId === pending.promptId);
    const down = nextEvent(a, 'device.status', (s) => s.id === 'eval-1' && s.state === 'disconnected');
    process.kill(pids[0]!, 'SIGKILL');
    expect((await failed).outcome).toBe('failed');
    expect((await down).reason).toMatch(/设备服务意外退出/);

    await nextEvent(a, 'device.status', (s) => s.id === 'eval-1' && s.state === 'connected');
    expect(pids).toHaveLength(2);
    const again = await prompt(a, { caseId: 'HK01-W03-20261127-0044' });
    expect(again.device).toBe('eval-1');
    await until(() => sim.currentPrompt === again.promptId);
    const rating = nextEvent(a, 'evaluator.rating');
    sim.press(5, ['等候时间长']);
    expect(await rating).toEqual({ caseId: 'HK01-W03-20261127-0044', promptId: again.promptId, level: 5, reasons: ['等候时间长'], channel: 'evaluator', device: 'eval-1' });
  }, 60_000);
});
