import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../common/contract';
import type { CardReadEvent } from '../../common/contract/devices';
import { SimulatedReader } from '../../native/idcard/simulated-reader';
import { demoCard } from '../../native/idcard/standalone';
import { createApp, type App } from '../app/app';

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

async function app(mode: 'demo' | 'normal'): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-devices-'));
  const a = await createApp({ dataDir: dir, mode, transport: 'test' });
  opened.push({ close: () => a.close().then(() => fs.rmSync(dir, { recursive: true, force: true })) });
  return a;
}

function nextEvent<T>(a: App, name: EventName, filter: (p: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const off = a.services.events.subscribe((n, p) => {
      if (n === name && filter(p as T)) {
        off();
        resolve(p as T);
      }
    });
  });
}

const maintenance = { staffId: 'm1', name: '运维', roles: ['maintenance' as const] };

describe('devices module', () => {
  it('demo mode: placing a demo card publishes card.read through the real reader code', async () => {
    const a = await app('demo');
    const connected = a.services.devices.list().some((d) => d.id === 'idcard-demo' && d.state === 'connected');
    if (!connected) await nextEvent<{ id: string; state: string }>(a, 'device.status', (s) => s.id === 'idcard-demo' && s.state === 'connected');
    const read = new Promise<CardReadEvent>((resolve) => {
      const off = a.internal.on('card.read', (p) => (off(), resolve(p)));
    });
    const placed = await a.invoke('devices.simulatePlaceCard', { card: 'foreigner' });
    expect(placed).toMatchObject({ ok: true, value: { placed: 'foreigner' } });
    const e = await read;
    expect(e).toMatchObject({ deviceId: 'idcard-demo', simulated: true, photoImage: null, card: { cardType: 'foreigner', englishName: 'MILLER, ANNA' } });
    expect(e.photoNote).toContain('未安装');
    const list = await a.invoke('devices.list', undefined);
    expect(list.ok && (list.value as { devices: Array<{ id: string }> }).devices.map((d) => d.id)).toContain('idcard-demo');
    // The status bar's listing: the same devices, no ports listed.
    const statuses = await a.invoke('devices.statuses', undefined);
    expect(statuses.ok && statuses.value).toEqual({ devices: (list.ok && (list.value as { devices: unknown[] }).devices) || null });
    const frames = await a.invoke('devices.frames', { id: 'idcard-demo', limit: 5 });
    expect(frames.ok && (frames.value as { frames: unknown[] }).frames.length).toBeGreaterThan(0);
    expect(await a.invoke('devices.simulatePlaceCard', { card: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('normal mode: configured reader on a pty, testRead masked, port listing failure reported, demo refused', async () => {
    const a = await app('normal');
    a.services.sessions.set(maintenance);
    expect(await a.invoke('devices.simulatePlaceCard', { card: 'resident' })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    const sim = await SimulatedReader.start({});
    opened.push(sim);
    const connected = nextEvent<{ id: string; state: string }>(a, 'device.status', (s) => s.id === 'r1' && s.state === 'connected');
    const conf = await a.invoke('devices.configure', { devices: [{ id: 'r1', kind: 'idcard', port: sim.path }] });
    expect(conf.ok).toBe(true);
    expect(a.services.settings.get().devices).toEqual([{ id: 'r1', kind: 'idcard', port: sim.path }]);
    await connected;
    const test = a.invoke('devices.testRead', { id: 'r1', timeoutMs: 10_000 });
    sim.placeCard(demoCard('resident'));
    expect(await test).toMatchObject({ ok: true, value: { cardType: 'resident', idNumberMasked: '4601**********0240', idNumberValid: true } });
    const list = await a.invoke('devices.list', undefined);
    expect(list.ok).toBe(true);
    if (list.ok) expect((list.value as { portListingError: string | null }).portListingError === null || typeof (list.value as { portListingError: string }).portListingError === 'string').toBe(true);
    expect(await a.invoke('devices.configure', { devices: [{ id: 'x', kind: 'idcard', port: 'a' }, { id: 'x', kind: 'idcard', port: 'b' }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await a.invoke('devices.reconnect', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
