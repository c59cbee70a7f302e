import { afterEach, describe, expect, it } from 'vitest';
import { DeviceKindRegistry, DeviceManager, type DeviceConfig, type DeviceStatus } from '../devices';
import { LICENCE_QR_BYTES, LICENCE_QR_TEXT, lineBreakCuts } from './fixtures/licence-qr';
import { serialScannerKind, type DeviceScan } from './serial-scanner-driver';
import { ScannerSimulator } from './sim/scanner-simulator';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(framing: Pick<DeviceConfig, 'scanSuffix' | 'scanGapMs'> = {}) {
  const sim = await ScannerSimulator.start();
  const registry = new DeviceKindRegistry();
  registry.register(serialScannerKind);
  const manager = new DeviceManager({ registry, listPorts: async () => [], pollMs: 200, backoff: { initialMs: 50, maxMs: 200 } });
  cleanups.push(() => manager.stop(), () => sim.close());
  const scans: DeviceScan[] = [];
  const statuses: DeviceStatus[] = [];
  manager.events.on('scan', (s) => scans.push(s));
  manager.events.on('status', (s) => statuses.push(s));
  await manager.configure([{ id: 'scanner-1', kind: 'scanner', port: sim.path, ...framing }]);
  manager.start();
  await until(() => manager.status('scanner-1')?.state === 'connected');
  return { sim, manager, scans, statuses };
}

/** Waits for a condition driven by real I/O; the test timeout bounds it. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

describe('serial scanner through the DeviceManager, on a real pty', () => {
  it('turns codes into scan events with symbology and encoding, whatever line ending (suffix auto)', async () => {
    const { sim, scans, manager } = await setup();
    sim.scan({ text: 'HK01-W03-20261127-0042', aimId: ']Q1', ending: '\r' });
    await until(() => scans.length === 1);
    sim.scan({ text: '海南省政务服务中心', encoding: 'gb18030', ending: '\n' });
    await until(() => scans.length === 2);
    sim.scan({ text: '6901234567892', aimId: ']E0', ending: '\r\n' });
    await until(() => scans.length === 3);
    expect(scans.map((s) => [s.text, s.symbology, s.encoding, s.source, s.deviceId])).toEqual([
      ['HK01-W03-20261127-0042', 'QR', 'utf8', 'serial', 'scanner-1'],
      ['海南省政务服务中心', 'unknown', 'gb18030', 'serial', 'scanner-1'],
      ['6901234567892', 'EAN-13', 'utf8', 'serial', 'scanner-1'],
    ]);
    expect(manager.frames('scanner-1')!.length).toBeGreaterThan(0);
  });

  it('delivers a multi-line GB18030 licence QR read in pieces as ONE scan (the old CR/LF framing made three)', async () => {
    const { sim, scans, manager } = await setup({ scanSuffix: 'CR' });
    // Cut right after every LF and CR inside the code, a few ms apart: each piece is its own read.
    await sim.sendInPieces(Buffer.concat([LICENCE_QR_BYTES, Buffer.from('\r')]), lineBreakCuts(LICENCE_QR_BYTES), 5);
    await new Promise((r) => setTimeout(r, 120)); // past the gap
    // A single-line code with the same CR suffix after it: its own scan, as before.
    sim.scan({ text: 'HK01-W03-20261127-0042', aimId: ']Q1', ending: '\r' });
    await until(() => scans.some((s) => s.text === 'HK01-W03-20261127-0042'));
    expect(scans.map((s) => [s.text, s.encoding])).toEqual([
      [LICENCE_QR_TEXT, 'gb18030'],
      ['HK01-W03-20261127-0042', 'utf8'],
    ]);
    expect(manager.status('scanner-1')!.details).toMatchObject({ suffix: 'CR', gapMs: 50 });
  });

  it('reports an over-long scan in the status and keeps scanning', async () => {
    const { sim, scans, manager, statuses } = await setup({ scanSuffix: 'CRLF' });
    sim.sendRaw(Buffer.concat([Buffer.alloc(9000, 0x41), Buffer.from('\r\n')]));
    await until(() => statuses.some((s) => s.state === 'error'));
    await new Promise((r) => setTimeout(r, 120)); // past the 50 ms gap: the next bytes are a new scan
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
