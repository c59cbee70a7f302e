import { afterEach, describe, expect, it } from 'vitest';
import { DeviceKindRegistry, DeviceManager, type DeviceStatus } from '../devices';
import type { WalkUpRating } from './evaluator';
import { EvaluatorHub } from './evaluator-hub';
import { ScreenEvaluator } from './screen-evaluator';
import { serialKeypadKind } from './serial-keypad-driver';
import { EvaluatorSimulator, type EvaluatorSimulatorOptions } from './sim/evaluator-simulator';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

async function setup(opts: EvaluatorSimulatorOptions = {}, expectConnected = true) {
  const sim = await EvaluatorSimulator.start(opts);
  const screen = new ScreenEvaluator(() => undefined);
  const hub = new EvaluatorHub(screen);
  const registry = new DeviceKindRegistry();
  registry.register(serialKeypadKind(hub));
  const manager = new DeviceManager({ registry, listPorts: async () => [], pollMs: 200, backoff: { initialMs: 100, maxMs: 500 } });
  cleanups.push(() => manager.stop(), () => sim.close());
  const statuses: DeviceStatus[] = [];
  const walkUps: WalkUpRating[] = [];
  manager.events.on('status', (s) => statuses.push(s));
  manager.events.on('rating', (r) => walkUps.push(r));
  await manager.configure([{ id: 'eval-1', kind: 'evaluator', port: sim.path }]);
  manager.start();
  if (expectConnected) await until(() => hub.pick()?.deviceId === 'eval-1');
  return { sim, hub, manager, statuses, walkUps, screen };
}

describe('serial keypad evaluator on a real pty', () => {
  it('identifies the keypad and returns a rating with reasons', async () => {
    const { hub, manager, sim } = await setup({ answers: [{ level: 4, reasons: ['等候时间长', 'a|b 100%'] }] });
    expect(manager.status('eval-1')).toMatchObject({ state: 'connected', details: { model: 'YC-SIM-5', firmware: '1.0' } });
    const outcome = await hub.pick()!.prompt({ promptId: 'p-1', caseLabel: 'HK01-W03-20261127-0042', timeoutMs: 30_000 });
    expect(outcome).toEqual({ outcome: 'rated', level: 4, reasons: ['等候时间长', 'a|b 100%'] });
    await until(() => sim.received.some((l) => l.type === 'ok'));
    expect(sim.received.map((l) => l.type)).toEqual(['hello', 'prompt', 'ok']);
    expect(sim.received[1]).toMatchObject({ caseLabel: 'HK01-W03-20261127-0042', timeoutSec: 30 });
  });

  it('reports the device timeout, a cancel, and a walk-up rating', async () => {
    const { hub, sim, walkUps } = await setup({ answers: [{ timeout: true }, { silent: true }] });
    const evaluator = hub.pick()!;
    await expect(evaluator.prompt({ promptId: 'p-1', timeoutMs: 30_000 })).resolves.toEqual({ outcome: 'timeout' });
    const pending = evaluator.prompt({ promptId: 'p-2', timeoutMs: 30_000 });
    await until(() => sim.currentPrompt === 'p-2');
    expect(evaluator.cancel('p-2')).toBe(true);
    await expect(pending).resolves.toEqual({ outcome: 'cancelled' });
    await until(() => sim.currentPrompt === null);
    sim.press(1);
    await until(() => walkUps.length === 1);
    expect(walkUps[0]).toMatchObject({ deviceId: 'eval-1', level: 1, reasons: [] });
  });

  it('fails a pending prompt when the keypad is unplugged and falls back to the screen pad', async () => {
    const { hub, sim } = await setup({ answers: [{ silent: true }] });
    const pending = hub.pick()!.prompt({ promptId: 'p-1', timeoutMs: 30_000 });
    await until(() => sim.currentPrompt === 'p-1');
    await sim.close();
    const outcome = await pending;
    expect(outcome.outcome).toBe('failed');
    await until(() => hub.pick()?.deviceId === 'screen');
  });

  it('refuses a device that does not answer HELLO with a plain reason', async () => {
    const { statuses } = await setup({ mute: true }, false);
    await until(() => statuses.some((s) => s.state === 'error'));
    expect(statuses.find((s) => s.state === 'error')!.reason).toContain('没有应答 HELLO');
  });
});
