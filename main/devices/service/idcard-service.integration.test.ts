import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedReader } from '../../../native/idcard/simulated-reader';
import { demoCard } from '../../../native/idcard/standalone';
import { nodeForkLauncher } from './launcher';
import { DeviceServiceSupervisor } from './supervisor';
import { bundleDeviceService } from './testing';

// The production reader driver (GA 467 over a real pty, the simulator answering) inside the device
// service process; the service is killed while the card's data is on the wire.
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('device service with the real ID card reader', () => {
  it('killed mid-read: noticed, restarted, and the next card reads', async () => {
    const bundle = await bundleDeviceService(path.join(import.meta.dirname, 'fixtures', 'idcard-kinds.ts'));
    cleanup.push(() => fs.rmSync(bundle.dir, { recursive: true, force: true }));
    const sim = await SimulatedReader.start();
    cleanup.push(() => sim.close());
    const sup = new DeviceServiceSupervisor({ launch: nodeForkLauncher(bundle.entry), env: { YICHUANG_DEVICE_KINDS: bundle.kinds }, backoff: { initialMs: 50, maxMs: 500, stableMs: 60_000 } });
    cleanup.push(() => sup.stop());
    await sup.configure([{ id: 'reader', kind: 'idcard', port: sim.path }]);
    const connected = sup.events.once('status', (s) => s.state === 'connected');
    await sup.start();
    await connected;

    // Mid-read: the reader has just received `read text` (30 01); its answer is not yet on the wire.
    const exit = sup.supervision.once('exit');
    const notice = sup.supervision.once('notice');
    const reading = sup.events.once('status', (s) => s.state === 'reading');
    let killed = false;
    sim.sim.events.on('command', (c) => {
      if (killed || c.cmd !== 0x30) return;
      killed = true;
      process.kill(sup.pid!, 'SIGKILL');
    });
    sim.placeCard(demoCard('resident'));
    await reading;
    expect(await exit).toMatchObject({ signal: 'SIGKILL' });
    expect(await notice).toMatchObject({ code: 'device.service.down' });

    // The new service reopens the port, finds the card still on the reader and reads it.
    const card = await sup.events.once('card');
    expect(card.reading.card.idNumber).toBe('460106199005180240');
    expect(sup.restartCount).toBe(1);
    expect(sup.list()[0]).toMatchObject({ id: 'reader' });
  }, 90_000);
});
