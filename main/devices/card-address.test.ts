import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../common/contract';
import type { CardReadEvent } from '../../common/contract/devices';
import { demoCard } from '../../native/idcard/standalone';
import { createApp, type App } from '../app/app';
import { gateForRenderer } from '../auth/event-gate';
import { tempDir } from '../auth/testing';

/**
 * The appended address (追加地址) from the simulated reader in training mode to the case record:
 * main holds it in clear, the renderer (every event through the gate both transports use) only
 * ever gets it masked, the case seals it with the applicant, and nothing on disk holds it.
 */
let app: App;
const dir = tempDir('yc-card-address-');
beforeAll(async () => void (app = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' })));
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function ok<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Every byte of every file under `root` (database, WAL, logs…) as one buffer. */
function allBytes(root: string): Buffer {
  const parts: Buffer[] = [];
  for (const e of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) parts.push(fs.readFileSync(path.join(e.parentPath, e.name)));
  }
  return Buffer.concat(parts);
}

describe('appended address through training mode', () => {
  it('reaches the renderer masked with an updated flag, is sealed in the case, and is revealed only on request', async () => {
    const card = demoCard('resident');
    const appended = card.appendedAddress as string;
    expect(appended).toBeTruthy();
    const raw: string[] = [];
    const offRenderer = app.services.events.subscribe(gateForRenderer(app.services.sessions, (event, payload) => raw.push(JSON.stringify({ event, payload }))));

    const connected = app.services.devices.list().some((d) => d.id === 'idcard-demo' && d.state === 'connected');
    if (!connected)
      await new Promise<void>((resolve) => {
        // The demo reader itself: the demo scanner may connect first while the reader's pty still starts.
        const off = app.services.events.subscribe((n, p) => n === 'device.status' && (p as { id: string; state: string }).id === 'idcard-demo' && (p as { id: string; state: string }).state === 'connected' && (off(), resolve()));
      });
    const cardRead = new Promise<CardReadEvent>((resolve) => {
      const off = app.internal.on('card.read', (p) => (off(), resolve(p)));
    });
    ok(await app.invoke('devices.simulatePlaceCard', { card: null }));
    ok(await app.invoke('devices.simulatePlaceCard', { card: 'resident' }));
    // Main holds the clear appended address…
    expect((await cardRead).card.appendedAddress).toBe(appended);
    // …the renderer gets the masked current address and the note that it changed.
    await vi.waitFor(() => expect(raw.some((m) => m.includes('"intake.applicant"'))).toBe(true), { timeout: 5000 });
    offRenderer();
    const applicant = raw.map((m) => JSON.parse(m) as { event: string; payload: unknown }).find((m) => m.event === 'intake.applicant')!
      .payload as EventPayload<'intake.applicant'>;
    expect(applicant).toMatchObject({ address: '海南省海口市****', addressUpdated: true, idType: 'resident' });
    const everything = raw.join('\n');
    expect(everything).not.toContain(appended);
    expect(everything).not.toContain(card.address!);
    expect(everything).not.toContain('金贸街道');
    expect(everything).not.toContain('"card.read"');

    // Accepting by token seals the current (appended) address with the applicant.
    const search = ok<{ items: Array<{ code: string; name: string }> }>(await app.invoke('catalog.search', { q: 'shehuibaozhangka', limit: 5 }));
    const item = search.items.find((i) => i.name === '社会保障卡申领')!;
    const detail = ok<{ materials: Array<{ code: string; required: boolean }> }>(await app.invoke('catalog.item', { code: item.code }));
    const materials = detail.materials.filter((m) => m.required).map((m) => ({ code: m.code, state: 'received' }));
    const accepted = ok<{ caseId: string; caseNumber: string }>(await app.invoke('intake.accept', { itemCode: item.code, applicant: { kind: 'person', cardToken: applicant.cardToken }, materials }));
    const shown = ok<{ applicant: { address: string | null; masked: boolean } }>(await app.invoke('cases.get', { id: accepted.caseId }));
    expect(shown.applicant).toMatchObject({ address: '海南省海口市****', masked: true });
    const revealed = ok<{ address: string | null }>(await app.invoke('cases.reveal', { id: accepted.caseId, reason: '核对住址' }));
    expect(revealed.address).toBe(appended);

    // Nothing on disk holds it in clear: not the database (sealed), not the log.
    const disk = allBytes(dir);
    expect(disk.includes(Buffer.from(accepted.caseNumber, 'utf8'))).toBe(true); // the scan does see the case
    expect(disk.includes(Buffer.from('金贸街道', 'utf8'))).toBe(false);
    expect(disk.includes(Buffer.from(card.idNumber, 'utf8'))).toBe(false);
  });

  it('shows the reader frame log on screen without the card data frames the read put on the wire', async () => {
    const card = demoCard('resident');
    const { frames } = ok<{ frames: Array<{ hex: string }> }>(await app.invoke('devices.frames', { id: 'idcard-demo', limit: 200 }));
    expect(frames.some((f) => f.hex.startsWith('AA AA AA 96 69'))).toBe(true);
    expect(frames.some((f) => f.hex.includes('已隐去'))).toBe(true);
    const ucs2 = (text: string) => Buffer.from(text, 'utf16le').toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1 ');
    const everything = frames.map((f) => f.hex).join('\n');
    expect(everything).not.toContain(ucs2((card.name ?? '').slice(0, 2) || '??'));
    expect(everything).not.toContain(ucs2(card.idNumber.slice(0, 6)));
  });
});
