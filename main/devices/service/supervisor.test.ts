import path from 'node:path';
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPtyLink, type PtyLink } from '../../../native/scanner/sim/pty-link';
import { nodeForkLauncher, type ServiceLauncher } from './launcher';
import { DeviceServiceSupervisor, type SupervisorNotice } from './supervisor';
import { bundleDeviceService } from './testing';

// The real thing end to end: a forked device-service process opens a real pty with serialport;
// the test plays the reader on the other side, then kills the service in the middle of a read.
let launch: ServiceLauncher;
let kinds = '';
let bundleDir = '';
beforeAll(async () => {
  const b = await bundleDeviceService(path.join(import.meta.dirname, 'fixtures', 'line-card-kind.ts'));
  launch = nodeForkLauncher(b.entry);
  kinds = b.kinds;
  bundleDir = b.dir;
});
afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

let supervisor: DeviceServiceSupervisor | null = null;
let pty: PtyLink | null = null;
afterEach(async () => {
  await supervisor?.stop();
  await pty?.close();
  supervisor = null;
  pty = null;
});

async function startService(opts: { heartbeatMs?: number; heartbeatTimeoutMs?: number } = {}) {
  pty = await openPtyLink();
  supervisor = new DeviceServiceSupervisor({
    launch,
    env: { YICHUANG_DEVICE_KINDS: kinds },
    backoff: { initialMs: 50, maxMs: 1000, stableMs: 60_000 },
    ...opts,
  });
  const notices: SupervisorNotice[] = [];
  supervisor.supervision.on('notice', (n) => notices.push(n));
  await supervisor.launch();
  await supervisor.configure([{ id: 'idcard-1', kind: 'idcard', port: pty.path }]);
  const connected = supervisor.events.once('status', (s) => s.state === 'connected');
  await supervisor.start();
  await connected;
  return { sup: supervisor, link: pty, notices };
}

describe('device service supervisor', () => {
  it('reads a card through the service process', async () => {
    const { sup, link } = await startService();
    expect(sup.pid).not.toBe(process.pid);
    const card = sup.events.once('card');
    const readDone = sup.events.once('status', (st) => st.state === 'connected');
    link.write(Buffer.from('READ\nCARD 11010519491231002X\n'));
    const got = await card;
    await readDone;
    expect(got.reading.card.idNumber).toBe('11010519491231002X');
    expect(got.reading.photoWlt).toBeInstanceOf(Uint8Array); // structured clone keeps bytes
    expect(sup.list()).toMatchObject([{ id: 'idcard-1', state: 'connected' }]);
    expect(await sup.remote.echo({ a: [1, 2] })).toEqual({ a: [1, 2] });
  });

  it('a kill mid-read is noticed, the service restarts and the next card reads', async () => {
    const { sup, link, notices } = await startService();
    const firstPid = sup.pid!;
    const reading = sup.events.once('status', (s) => s.state === 'reading');
    link.write(Buffer.from('READ\n'));
    await reading;

    const exit = sup.supervision.once('exit');
    const down = sup.events.once('status', (s) => s.state === 'disconnected');
    const back = sup.supervision.once('ready');
    process.kill(firstPid, 'SIGKILL');
    expect(await exit).toMatchObject({ signal: 'SIGKILL', hung: false });
    expect((await down).reason).toMatch(/设备服务意外退出/);

    const ready = await back;
    expect(ready.pid).not.toBe(firstPid);
    expect(ready.restarts).toBe(1);
    // The configuration is replayed: the reader reconnects in the new process.
    await sup.events.once('status', (s) => s.state === 'connected');
    const card = sup.events.once('card');
    link.write(Buffer.from('READ\nCARD 440524188001010014\n'));
    expect((await card).reading.card.idNumber).toBe('440524188001010014');
    expect(notices.map((n) => n.code)).toEqual(['device.service.down', 'device.service.restarted']);
  }, 60_000);

  it('a native crash (SIGSEGV) and a hang are both contained and restarted', async () => {
    const { sup, link } = await startService({ heartbeatMs: 200, heartbeatTimeoutMs: 2000 });
    let exit = sup.supervision.once('exit');
    link.write(Buffer.from('CRASH\n'));
    expect(await exit).toMatchObject({ signal: 'SIGSEGV' });
    await sup.events.once('status', (s) => s.state === 'connected');

    exit = sup.supervision.once('exit');
    link.write(Buffer.from('HANG\n'));
    expect(await exit).toMatchObject({ hung: true });
    await sup.events.once('status', (s) => s.state === 'connected');
    const card = sup.events.once('card');
    link.write(Buffer.from('CARD 11010519491231002X\n'));
    expect((await card).reading.card.idNumber).toBe('11010519491231002X');
    expect(sup.restartCount).toBeGreaterThanOrEqual(2); // a loaded machine may add a restart of its own
  }, 60_000);

  it('calls in flight when the service dies fail with a plain message instead of hanging', async () => {
    const { sup } = await startService();
    const pid = sup.pid!;
    const exit = sup.supervision.once('exit');
    const call = sup.remote.frames('idcard-1');
    process.kill(pid, 'SIGKILL');
    await exit;
    await call.then(
      () => undefined, // answered before the kill landed: also fine
      (err: Error) => expect(err.message).toMatch(/设备服务正在重启/),
    );
  });
});
