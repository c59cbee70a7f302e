import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceKind } from '../../common/contract/devices';
import { DeviceManager, PORT_LISTING_UNAVAILABLE } from './device-manager';
import type { DeviceDriver, DeviceKindSpec, DriverContext } from './driver';
import { FrameRing } from './frame-log';
import { DeviceKindRegistry } from './registry';
import { DEVICE_KINDS } from './types';


/** A driver that "opens" when its port file exists and closes when told to. */
function fakeSpec(opened: DriverContext[]): DeviceKindSpec {
  return {
    kind: 'scanner',
    label: '测试设备',
    defaultBaud: 9600,
    create(ctx): DeviceDriver {
      let end!: (r: string) => void;
      const closed = new Promise<string>((r) => (end = r));
      return {
        closed,
        async open() {
          if (!fs.existsSync(ctx.path)) throw new Error('串口不存在');
          opened.push(ctx);
          ctx.recordFrame('tx', new Uint8Array([0xaa, 0x01]));
          return { baud: 9600, details: { probe: 'ok' } };
        },
        async close() {
          end('已关闭');
        },
        diagnostics: () => ({ probe: 'ok' }),
      };
    },
  };
}

const managers: DeviceManager[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.stop()));
});

describe('DeviceManager', () => {
  it('falls back to configured ports when listing rejects, connects, and reconnects after unplug', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-'));
    const port = path.join(dir, 'ttyFAKE');
    fs.writeFileSync(port, '');
    const registry = new DeviceKindRegistry();
    const opened: DriverContext[] = [];
    registry.register(fakeSpec(opened));
    const m = new DeviceManager({
      registry,
      listPorts: () => Promise.reject(new Error('udev missing')),
      pollMs: 20,
      backoff: { initialMs: 10, maxMs: 40 },
    });
    managers.push(m);
    await m.configure([{ id: 'scan-1', kind: 'scanner', port }]);
    const connected = m.events.once('status', (s) => s.state === 'connected');
    m.start();
    await connected;
    expect(m.list()[0]).toMatchObject({ id: 'scan-1', state: 'connected', baud: 9600, details: { probe: 'ok' } });
    expect((await m.discover()).listingError).toContain(PORT_LISTING_UNAVAILABLE);
    expect(m.frames('scan-1')).toHaveLength(1);

    // Unplug: the port file vanishes; the poll drops the stale handle.
    const gone = m.events.once('status', (s) => s.state === 'disconnected');
    fs.rmSync(port);
    await gone;
    // Replug: reconnects by itself.
    const back = m.events.once('status', (s) => s.state === 'connected');
    fs.writeFileSync(port, '');
    await back;
    expect(opened.length).toBe(2);
  });

  it('finds a re-enumerated device by VID/PID', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-'));
    const a = path.join(dir, 'ttyUSB0');
    const b = path.join(dir, 'ttyUSB1');
    fs.writeFileSync(a, '');
    let listed = [{ path: a, vendorId: '1A86', productId: '7523' }];
    const registry = new DeviceKindRegistry();
    const opened: DriverContext[] = [];
    registry.register(fakeSpec(opened));
    const m = new DeviceManager({ registry, listPorts: async () => listed, pollMs: 20, backoff: { initialMs: 10, maxMs: 40 } });
    managers.push(m);
    await m.configure([{ id: 'r', kind: 'scanner', port: a }]);
    const first = m.events.once('status', (s) => s.state === 'connected');
    m.start();
    await first;
    const d = await m.discover();
    expect(d.ports[0]!.known?.kind).toBe('idcard');
    await new Promise((r) => setTimeout(r, 50)); // let one poll remember the VID/PID
    const moved = m.events.once('status', (s) => s.state === 'connected' && s.port === b);
    fs.rmSync(a);
    fs.writeFileSync(b, '');
    listed = [{ path: b, vendorId: '1a86', productId: '7523' }];
    await moved;
    expect(opened.at(-1)!.path).toBe(b);
  });

  it('shows an error for a kind with no driver, and connects once the kind is registered', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-'));
    const port = path.join(dir, 'ttyLATE');
    fs.writeFileSync(port, '');
    const m = new DeviceManager({ registry: new DeviceKindRegistry(), listPorts: async () => [], pollMs: 50, backoff: { initialMs: 5000, maxMs: 5000 } });
    managers.push(m);
    await m.configure([{ id: 's', kind: 'scanner', port }]);
    const err = m.events.once('status', (s) => s.state === 'error');
    m.start();
    expect((await err).reason).toContain('没有“scanner”类设备的驱动');
    const ok = m.events.once('status', (s) => s.state === 'connected');
    m.registerKind(fakeSpec([]));
    await ok;
  });

  it('keeps a bounded ring of frames', () => {
    const ring = new FrameRing(3);
    for (let i = 0; i < 5; i++) ring.push('rx', new Uint8Array([i]));
    expect(ring.list().map((f) => f.hex)).toEqual(['02', '03', '04']);
    expect(ring.list(1).map((f) => f.hex)).toEqual(['04']);
  });
});

describe('DeviceManager with HID devices', () => {
  it('lists HID devices beside serial ports, and never probes a HID device for a serial kind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-'));
    const serial = path.join(dir, 'ttyUSB7');
    const hidraw = path.join(dir, 'hidraw7');
    fs.writeFileSync(serial, '');
    fs.writeFileSync(hidraw, '');
    const probed: string[] = [];
    const registry = new DeviceKindRegistry();
    registry.register({ ...fakeSpec([]), probe: async (p) => (probed.push(p), false) });
    const m = new DeviceManager({
      registry,
      listPorts: async () => [{ path: serial, vendorId: '0403', productId: '6001' }],
      listHid: async () => [{ path: hidraw, vendorId: '0c2e', productId: '0b87', usagePage: 0x8c }],
      pollMs: 20,
      probeEveryMs: 0,
      backoff: { initialMs: 10, maxMs: 40 },
    });
    managers.push(m);
    await m.configure([{ id: 'gone', kind: 'scanner', port: path.join(dir, 'ttyUSB9') }]);
    m.start();
    const found = await m.discover();
    expect(found.ports.map((p) => [path.basename(p.path), p.usagePage])).toEqual([
      ['ttyUSB7', undefined],
      ['hidraw7', 0x8c],
    ]);
    // Two rounds of probing: the first one has gone through every listed port.
    const rounds = () => probed.filter((p) => p === serial).length;
    for (let i = 0; i < 200 && rounds() < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(rounds()).toBeGreaterThanOrEqual(2);
    expect(probed).not.toContain(hidraw);
  });
});

it('the contract knows every device kind the manager drives (a status of another kind would be refused)', () => {
  expect(DeviceKind.options).toEqual([...DEVICE_KINDS]);
});
