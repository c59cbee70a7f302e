import { afterEach, describe, expect, it } from 'vitest';
import { DeviceKindRegistry, DeviceManager, type DeviceStatus } from '../devices';
import { serialScannerKind, type DeviceScan } from './serial-scanner-driver';
import { ScannerSimulator } from './sim/scanner-simulator';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const sim = await ScannerSimulator.start();
  const registry = new DeviceKindRegistry();
  registry.register(serialScannerKind);
  const manager = new DeviceManager({ registry, listPorts: async () => [], pollMs: 200, backoff: { initialMs: 50, maxMs: 200 } });
  cleanups.push(() => manager.stop(), () => sim.close());
  const scans: DeviceScan[] = [];
  const statuses: DeviceStatus[] = [];
  manager.events.on('scan', (s) => scans.push(s));
  manager.events.on('status', (s) => statuses.push(s));
  await manager.configure([{ id: 'scanner-1', kind: 'scanner', port: sim.path }]);
  manager.start();
  await until(() => manager.status('scanner-1')?.state === 'connected');
  return { sim, manager, scans, statuses };
}

/** Waits for a condition driven by real I/O; the test timeout bounds it. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

describe('serial scanner through the DeviceManager, on a real pty', () => {
  it('turns lines into scan events with symbology and encoding', async () => {
    const { sim, scans, manager } = await setup();
    sim.scan({ text: 'HK01-W03-20261127-0042', aimId: ']Q1', ending: '\r' });
    sim.scan({ text: '海南省政务服务中心', encoding: 'gb18030', ending: '\n' });
    sim.scan({ text: '6901234567892', aimId: ']E0', ending: '\r\n' });
    await until(() => scans.length === 3);
    expect(scans.map((s) => [s.text, s.symbology, s.encoding, s.source, s.deviceId])).toEqual([
      ['HK01-W03-20261127-0042', 'QR', 'utf8', 'serial', 'scanner-1'],
      ['海南省政务服务中心', 'unknown', 'gb18030', 'serial', 'scanner-1'],
      ['6901234567892', 'EAN-13', 'utf8', 'serial', 'scanner-1'],
    ]);
    expect(manager.frames('scanner-1')!.length).toBeGreaterThan(0);
  });

  it('reports an over-long line in the status and keeps scanning', async () => {
    const { sim, scans, manager, statuses } = await setup();
    sim.sendRaw(Buffer.concat([Buffer.alloc(9000, 0x41), Buffer.from('\r\n')]));
    sim.scan({ text: 'after' });
    await until(() => scans.length === 1);
    expect(scans[0]!.text).toBe('after');
    expect(statuses.find((s) => s.state === 'error')?.reason).toContain('超过 8192 字节');
    expect(manager.status('scanner-1')).toMatchObject({ state: 'connected', details: { scans: 1, rejectedLines: 1 } });
  });

  it('reports the unplugged scanner as disconnected', async () => {
    const { sim, statuses } = await setup();
    await sim.close();
    await until(() => statuses.some((s) => s.state === 'disconnected' || s.state === 'error'));
  });
});
