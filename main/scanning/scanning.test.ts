import { afterEach, describe, expect, it } from 'vitest';
import { classifyScan } from '../../common/domain/scan-routing';
import { EvaluatorSimulator } from '../../native/evaluator/sim/evaluator-simulator';
import type { App } from '../app/app';
import { nextEvent, testApp, type Opened } from '../app/testing';

const opened: Opened = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

const app = (mode: 'demo' | 'normal'): Promise<App> => testApp(opened, mode);

const clerk = { staffId: 'c1', name: '窗口', roles: ['clerk' as const, 'maintenance' as const] };

describe('scanning module', () => {
  it('demo mode: simulateScan goes pty → serial driver → one `scan` event; wedge scans join the same event', async () => {
    const a = await app('demo');
    if (!a.services.devices.list().some((d) => d.id === 'scanner-demo' && d.state === 'connected'))
      await nextEvent(a, 'device.status', (s) => s.id === 'scanner-demo' && s.state === 'connected');
    const scanned = nextEvent(a, 'scan');
    expect(await a.invoke('devices.simulateScan', { text: 'HK01-W03-20261127-0042' })).toEqual({ ok: true, value: { device: 'scanner-demo' } });
    const scan = await scanned;
    expect(scan).toEqual({ text: 'HK01-W03-20261127-0042', symbology: 'QR', source: 'serial', device: 'scanner-demo' });
    expect(classifyScan(scan.text).kind).toBe('case');

    const wedge = nextEvent(a, 'scan', (s) => s.source === 'wedge');
    expect((await a.invoke('scanner.wedge', { text: ']C0YY20261127A001' })).ok).toBe(true);
    expect(await wedge).toEqual({ text: 'YY20261127A001', symbology: 'Code 128', source: 'wedge', device: 'keyboard' });
  });

  it('normal mode: no demo scanner; the on-screen pad answers a prompt as `evaluator.rating`', async () => {
    const a = await app('normal');
    a.services.sessions.set(clerk);
    expect(await a.invoke('devices.simulateScan', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    const prompted = nextEvent(a, 'evaluator.prompted');
    const res = await a.invoke('evaluator.prompt', { caseId: 'HK01-W03-20261127-0042' });
    expect(res).toMatchObject({ ok: true, value: { device: 'screen' } });
    const { promptId } = (res as { value: { promptId: string } }).value;
    expect(await prompted).toMatchObject({ promptId, device: 'screen', caseId: 'HK01-W03-20261127-0042' });
    const rating = nextEvent(a, 'evaluator.rating');
    expect(await a.invoke('evaluator.submit', { promptId, level: 5, reasons: ['等候时间长'] })).toEqual({ ok: true, value: { accepted: true } });
    expect(await rating).toEqual({ caseId: 'HK01-W03-20261127-0042', promptId, level: 5, reasons: ['等候时间长'], channel: 'screen', device: 'screen' });
    expect(await a.invoke('evaluator.submit', { promptId, level: 1 })).toEqual({ ok: true, value: { accepted: false } });
  });

  it('a configured serial keypad takes the prompt; cancel ends it with `evaluator.ended`', async () => {
    const a = await app('normal');
    a.services.sessions.set(clerk);
    const sim = await EvaluatorSimulator.start({ answers: [{ level: 2, reasons: ['态度好'] }, { silent: true }] });
    opened.push(sim);
    const connected = nextEvent(a, 'device.status', (s) => s.id === 'eval-1' && s.state === 'connected');
    expect((await a.invoke('devices.configure', { devices: [{ id: 'eval-1', kind: 'evaluator', port: sim.path }] })).ok).toBe(true);
    await connected;
    const rating = nextEvent(a, 'evaluator.rating');
    const first = await a.invoke('evaluator.prompt', { caseId: 'HK01-W03-20261127-0043' });
    expect(first).toMatchObject({ ok: true, value: { device: 'eval-1' } });
    expect(await rating).toMatchObject({ caseId: 'HK01-W03-20261127-0043', level: 2, reasons: ['态度好'], channel: 'evaluator', device: 'eval-1' });

    const second = await a.invoke('evaluator.prompt', {});
    const { promptId } = (second as { value: { promptId: string } }).value;
    const ended = nextEvent(a, 'evaluator.ended');
    expect(await a.invoke('evaluator.cancel', { promptId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await ended).toMatchObject({ promptId, outcome: 'cancelled', device: 'eval-1' });
  });
});
