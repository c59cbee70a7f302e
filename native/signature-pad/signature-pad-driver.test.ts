import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceKindRegistry, DeviceManager, HID_LISTING_UNAVAILABLE, type DeviceEventMap, type RawPortInfo } from '../devices';
import type { HidDeviceInfo } from '../scanner/hid-transport';
import { RecordedHidTransport } from '../scanner/recorded-hid-transport';
import { listHidPorts } from './hid-ports';
import { BUILT_IN_PAD_MODELS, parsePadModels, type PadModel } from './pad-models';
import { signaturePadKind, type PadDriverDeps } from './signature-pad-driver';
import { encodePenReport, SAMPLE_SIGNATURE, simulateSignature } from './simulator';
import type { SignaturePadDeviceEvent } from './types';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
}

/** Stand-ins for /dev/hidrawN: the manager checks that a configured path exists. */
function hidrawDir(): (name: string, present?: boolean) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-pad-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name, present = true) => {
    const p = path.join(dir, name);
    if (present) fs.writeFileSync(p, '');
    else fs.rmSync(p, { force: true });
    return p;
  };
}

/** A pad kind over recorded transports, with a clock the test sets to each report's recorded time. */
function recordedPad(opts: { models?: readonly PadModel[]; hid?: HidDeviceInfo[]; transport?: () => RecordedHidTransport } = {}) {
  const transports: RecordedHidTransport[] = [];
  const clock = { now: 0 };
  const deps: PadDriverDeps = {
    open: async () => {
      const t = opts.transport?.() ?? new RecordedHidTransport();
      transports.push(t);
      return t;
    },
    list: async () => opts.hid ?? [],
    now: () => clock.now,
  };
  const play = (t: RecordedHidTransport, reports: Array<{ at: number; report: Uint8Array }>) => {
    for (const r of reports) {
      clock.now = r.at;
      t.play([r.report]);
    }
  };
  return { kind: signaturePadKind({ models: opts.models, deps }), transports, play };
}

function managerWith(kind: ReturnType<typeof recordedPad>['kind'], listHid?: () => Promise<RawPortInfo[]>) {
  const registry = new DeviceKindRegistry();
  registry.register(kind);
  const manager = new DeviceManager({ registry, listPorts: async () => [], listHid, pollMs: 30, backoff: { initialMs: 20, maxMs: 50 } });
  cleanups.push(() => manager.stop());
  const events: SignaturePadDeviceEvent[] = [];
  manager.events.on('signaturePad', (e: DeviceEventMap['signaturePad']) => events.push(e));
  return { manager, events };
}

const model = (key: string) => BUILT_IN_PAD_MODELS.find((m) => m.key === key)!;

describe('signature pad under the DeviceManager (recorded reports)', () => {
  it('turns a written signature into stroke events and 确认, records frames, and reconnects after an unplug mid-stroke', async () => {
    const file = hidrawDir();
    const pad = recordedPad();
    const { manager, events } = managerWith(pad.kind);
    await manager.configure([{ id: 'pad-1', kind: 'signaturePad', port: file('hidraw0'), model: 'generic-hid-digitizer' }]);
    manager.start();
    await until(() => manager.status('pad-1')?.state === 'connected');
    expect(manager.status('pad-1')!.details).toMatchObject({ model: '通用 HID 签名板（数位板报告）', modelKey: 'generic-hid-digitizer', layoutSource: 'generic-hid-digitizer' });

    const reports = simulateSignature(model('generic-hid-digitizer'), SAMPLE_SIGNATURE, { finish: 'confirm' });
    pad.play(pad.transports[0]!, reports);
    expect(events.map((e) => e.type)).toEqual(['stroke', 'stroke', 'stroke', 'stroke', 'confirm']);
    expect(events.every((e) => e.deviceId === 'pad-1' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const first = events[0] as Extract<SignaturePadDeviceEvent, { type: 'stroke' }>;
    expect(first.points[0]).toMatchObject({ t: 0 });
    expect(first.points[0]!.x).toBeCloseTo(0.2, 4);
    expect(manager.frames('pad-1', 1000)).toHaveLength(reports.length);

    // Unplugged while the pen is down: the half stroke still arrives, then the pad comes back.
    const m = model('generic-hid-digitizer');
    pad.play(pad.transports[0]!, [
      { at: 5000, report: encodePenReport(m, { x: 0.3, y: 0.3, pressure: 0.5, down: true }) },
      { at: 5005, report: encodePenReport(m, { x: 0.31, y: 0.3, pressure: 0.5, down: true }) },
    ]);
    expect(events).toHaveLength(5);
    const gone = manager.events.once('status', (s) => s.id === 'pad-1' && s.state === 'disconnected');
    pad.transports[0]!.unplug();
    expect((await gone).reason).toBe('HID 设备已拔出');
    expect(events.at(-1)).toMatchObject({ type: 'stroke', points: [{ t: 0 }, { t: 5 }] });
    await until(() => pad.transports.length === 2 && manager.status('pad-1')?.state === 'connected');
    pad.play(pad.transports[1]!, simulateSignature(m, [SAMPLE_SIGNATURE[0]!]));
    expect(events.map((e) => e.type).slice(5)).toEqual(['stroke', 'stroke']);
  });

  it('takes the model from the device VID/PID when none is configured, and counts bad reports in its diagnostics', async () => {
    const file = hidrawDir();
    const port = file('hidraw1');
    const pad = recordedPad({ hid: [{ path: port, vendorId: 0x056a, productId: 0x00a4, product: 'STU-430', usagePage: 0xff00, usage: 1 }] });
    const { manager, events } = managerWith(pad.kind);
    await manager.configure([{ id: 'stu', kind: 'signaturePad', port }]);
    manager.start();
    await until(() => manager.status('stu')?.state === 'connected');
    expect(manager.status('stu')!.details).toMatchObject({ modelKey: 'wacom-stu-430', layoutSource: 'vendor-unconfirmed' });
    const t = pad.transports[0]!;
    t.play(['01 91 00 12', '01 91 00 12 C0 0B B8', '01 80 00 12 C0 0B B8', '07 00']);
    expect(events).toEqual([expect.objectContaining({ type: 'stroke', points: [{ x: 0.5, y: 0.5, pressure: 256 / 1023, t: 0 }] })]);
    // Diagnostics reach the status on its next change: the disconnect of a reconnect shows them.
    const disconnected = manager.events.once('status', (st) => st.state === 'disconnected');
    await manager.reconnect('stu');
    expect((await disconnected).details).toMatchObject({
      model: 'Wacom STU-430',
      reports: 4,
      points: 1,
      strokes: 1,
      droppedReports: 1,
      ignoredReports: 1,
      lastDropReason: '笔报告过短（4 字节，至少 7 字节）',
    });
  });

  it('sends the model init feature reports on open, and reports a pad that refuses them', async () => {
    const file = hidrawDir();
    const withInit = parsePadModels({ models: [{ ...BUILT_IN_PAD_MODELS[0], key: 'needs-init', init: [[0x21, 0x01]] }] });
    const ok = recordedPad({ models: withInit });
    const a = managerWith(ok.kind);
    await a.manager.configure([{ id: 'p', kind: 'signaturePad', port: file('hidraw2'), model: 'needs-init' }]);
    a.manager.start();
    await until(() => a.manager.status('p')?.state === 'connected');
    expect(ok.transports[0]!.featureReports).toEqual([[0x21, 0x01]]);

    class Refusing extends RecordedHidTransport {
      override async sendFeatureReport(): Promise<void> {
        throw new Error('EPIPE');
      }
    }
    const bad = recordedPad({ models: withInit, transport: () => new Refusing() });
    const b = managerWith(bad.kind);
    await b.manager.configure([{ id: 'p', kind: 'signaturePad', port: file('hidraw3'), model: 'needs-init' }]);
    const failed = b.manager.events.once('status', (s) => s.state === 'error');
    b.manager.start();
    expect((await failed).reason).toBe('无法初始化签名板（通用 HID 签名板（数位板报告））：EPIPE。请重新插拔签名板后重试。');
    expect(bad.transports[0]!.closed).toBe(true);
  });
});

describe('discovering pads among HID devices', () => {
  const penOnly: PadModel[] = parsePadModels({
    models: [{ ...BUILT_IN_PAD_MODELS[0], key: 'acme-sp100', name: 'ACME SP100', vendorId: '1234', productId: 'abcd', source: { kind: 'vendor-unconfirmed', note: 'test' } }],
  });
  const hidInfo = (p: string, usagePage: number): HidDeviceInfo => ({ path: p, vendorId: 0x1234, productId: 0xabcd, product: 'SP100', usagePage, usage: 1 });

  it('labels the pen interface by VID/PID and usage page, and finds it again under a new hidraw path', async () => {
    const file = hidrawDir();
    const pen = file('hidraw3');
    let listed: HidDeviceInfo[] = [hidInfo(file('hidraw2'), 0x01), hidInfo(pen, 0x0d)];
    const pad = recordedPad({ models: penOnly });
    const { manager } = managerWith(pad.kind, () => listHidPorts(async () => listed));
    await manager.configure([{ id: 'pad', kind: 'signaturePad', port: pen }]);
    manager.start();
    await until(() => manager.status('pad')?.state === 'connected');
    const found = await manager.discover();
    expect(found.listingError).toBeNull();
    expect(found.ports.map((p) => [path.basename(p.path), p.vendorId, p.productId, p.usagePage, p.known?.kind ?? null])).toEqual([
      ['hidraw2', '1234', 'abcd', 0x01, null], // the pad's keyboard interface: not the pad
      ['hidraw3', '1234', 'abcd', 0x0d, 'signaturePad'],
    ]);
    expect(found.ports[1]!.known).toEqual({ kind: 'signaturePad', model: 'ACME SP100' });
    await new Promise((r) => setTimeout(r, 80)); // a poll remembers the VID/PID of the open pad

    // Replugged: the kernel gives the interfaces new numbers, keyboard first.
    file('hidraw2', false);
    file('hidraw3', false);
    listed = [hidInfo(file('hidraw5'), 0x01), hidInfo(file('hidraw6'), 0x0d)];
    pad.transports[0]!.unplug();
    await until(() => manager.status('pad')?.state === 'connected' && manager.status('pad')?.port.endsWith('hidraw6') === true);
  });

  it('keeps the last HID list when listing fails, so a failed round is not an unplug', async () => {
    const file = hidrawDir();
    const pen = file('hidraw4');
    let fail = false;
    const pad = recordedPad({ models: penOnly });
    const { manager } = managerWith(pad.kind, () => (fail ? Promise.reject(new Error('libusb busy')) : listHidPorts(async () => [hidInfo(pen, 0x0d)])));
    await manager.configure([{ id: 'pad', kind: 'signaturePad', port: pen }]);
    manager.start();
    await until(() => manager.status('pad')?.state === 'connected');
    fail = true;
    const found = await manager.discover();
    expect(found.listingError).toBe(`${HID_LISTING_UNAVAILABLE}：libusb busy`);
    expect(found.ports.map((p) => p.known?.kind)).toEqual(['signaturePad']);
    await new Promise((r) => setTimeout(r, 80));
    expect(manager.status('pad')?.state).toBe('connected');
    expect(pad.transports).toHaveLength(1);
  });
});
