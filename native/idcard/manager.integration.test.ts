import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceKindRegistry, DeviceManager, type DeviceState } from '../devices';
import { idCardKind } from './kind';
import { SimulatedReader } from './simulated-reader';
import { demoCard } from './standalone';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('DeviceManager with the ID card reader over a real pty', () => {
  it('unplug → disconnected at once → replug under a new pty name → reconnected and reading again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-idcard-'));
    const link = path.join(dir, 'usb-idcard-reader');
    const sim = await SimulatedReader.start({ card: demoCard('resident'), faults: ['unplug'], link, replugMs: 300 });
    cleanup.push(() => sim.close());
    let replugs = 0;
    sim.events.on('replugged', () => replugs++);
    const registry = new DeviceKindRegistry();
    registry.register(idCardKind({ pollIntervalMs: 10 }));
    const m = new DeviceManager({
      registry,
      listPorts: () => Promise.reject(new Error('no udev')),
      pollMs: 100,
      backoff: { initialMs: 100, maxMs: 400 },
    });
    cleanup.push(() => m.stop());
    const states: DeviceState[] = [];
    m.events.on('status', (s) => states.push(s.state));
    const cards: string[] = [];
    m.events.on('card', (c) => cards.push(c.reading.card.idNumber));
    await m.configure([{ id: 'reader', kind: 'idcard', port: link }]);
    const first = m.events.once('card');
    m.start();
    await first;
    const gone = m.events.once('status', (s) => s.state === 'disconnected');
    await gone;
    const second = m.events.once('card');
    await second;
    expect(replugs).toBe(1); // a fresh pty (the kernel may reuse the number); the by-id style link follows it
    expect(cards).toEqual(['460106199005180240', '460106199005180240']);
    expect(states.filter((s) => s === 'connected').length).toBeGreaterThanOrEqual(2);
    expect(m.list()[0]!.details.samId).toMatch(/^05\.01-/);
    expect(m.frames('reader')!.some((f) => f.dir === 'tx' && f.hex === 'AA AA AA 96 69 00 03 20 01 22')).toBe(true);
    // Idle polls do not push the read itself out of the ring.
    expect(m.frames('reader')!.some((f) => f.dir === 'rx' && f.hex.startsWith('AA AA AA 96 69 05 08 00 00 90'))).toBe(true);
  });

  it('finds a reader that came back under an unknown name by probing with read SAM id', async () => {
    const sim = await SimulatedReader.start({ card: demoCard('permit') });
    cleanup.push(() => sim.close());
    const registry = new DeviceKindRegistry();
    registry.register(idCardKind({ pollIntervalMs: 10 }));
    // The listing knows the new port but not its VID/PID; the configured name is gone.
    const m = new DeviceManager({ registry, listPorts: async () => [{ path: sim.path }], pollMs: 50, backoff: { initialMs: 100, maxMs: 200 } });
    cleanup.push(() => m.stop());
    await m.configure([{ id: 'reader', kind: 'idcard', port: '/dev/ttyUSB-gone-for-good' }]);
    const card = m.events.once('card');
    m.start();
    expect((await card).reading.card.cardType).toBe('permit');
    expect(m.list()[0]!.port).toBe(sim.path);
  });
});
