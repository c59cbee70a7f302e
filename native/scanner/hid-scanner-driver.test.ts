import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceKindRegistry, DeviceManager } from '../devices';
import fixture from './fixtures/hid-pos-reports.json';
import { isHidPath, scannerKind } from './hid-scanner-driver';
import { RecordedHidTransport } from './recorded-hid-transport';
import type { DeviceScan } from './serial-scanner-driver';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

describe('HID POS scanner under the DeviceManager (recorded reports)', () => {
  it('opens by model key, plays reports into scan events, and reconnects after an unplug', async () => {
    // The manager checks the port path exists; a temp file stands in for /dev/hidrawN.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-hid-'));
    const port = path.join(dir, 'hidraw0');
    fs.writeFileSync(port, '');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const transports: RecordedHidTransport[] = [];
    const registry = new DeviceKindRegistry();
    registry.register(
      scannerKind({
        open: async () => {
          const t = new RecordedHidTransport();
          transports.push(t);
          return t;
        },
        list: async () => [],
      }),
    );
    const manager = new DeviceManager({ registry, listPorts: async () => [], pollMs: 100, backoff: { initialMs: 20, maxMs: 50 } });
    cleanups.push(() => manager.stop());
    const scans: DeviceScan[] = [];
    manager.events.on('scan', (s) => scans.push(s));
    await manager.configure([{ id: 'hid-1', kind: 'scanner', port, model: 'honeywell-hidpos' }]);
    manager.start();
    await until(() => manager.status('hid-1')?.state === 'connected');
    expect(manager.status('hid-1')!.details).toMatchObject({ hidPos: true });
    transports[0]!.play(fixture.scans.find((s) => s.name === 'qr-url-3-reports')!.reports);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ source: 'hid', symbology: 'QR', deviceId: 'hid-1' });
    expect(manager.frames('hid-1')).toHaveLength(3);
    transports[0]!.unplug();
    await until(() => transports.length === 2 && manager.status('hid-1')?.state === 'connected');
    transports[1]!.play(fixture.scans.find((s) => s.name === 'ean13')!.reports);
    expect(scans.map((s) => s.text).at(-1)).toBe('6901234567892');
  });

  it('knows HID paths from serial ports', () => {
    expect(isHidPath('/dev/hidraw3')).toBe(true);
    expect(isHidPath('\\\\?\\hid#vid_0c2e&pid_0b87#7&1')).toBe(true);
    expect(isHidPath('/dev/ttyACM0')).toBe(false);
    expect(isHidPath('COM3')).toBe(false);
  });
});
