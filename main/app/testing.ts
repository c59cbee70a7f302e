import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventName, EventPayload } from '../../common/contract';
import type { CardReadEvent } from '../../common/contract/devices';
import { createApp, type App } from './app';
import { CLEAR_MAGIC } from '../materials/testing';
import type { AppOptions } from '../api/services';

/** Things a test opened (apps, simulators), closed in reverse order after each test. */
export type Opened = Array<{ close(): Promise<void> }>;

/** A real app on a temp data folder, closed (and the folder removed) with the test's other things. */
export async function testApp(opened: Opened, mode: 'demo' | 'normal', options: Partial<AppOptions> = {}): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-scanning-'));
  const a = await createApp({ dataDir: dir, mode, transport: 'test', ...options });
  opened.push({ close: () => a.close().then(() => fs.rmSync(dir, { recursive: true, force: true })) });
  return a;
}

/** The next contract event `name` that passes `filter`. */
export function nextEvent<E extends EventName>(a: App, name: E, filter: (p: EventPayload<E>) => boolean = () => true): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const off = a.services.events.subscribe((n, p) => {
      if (n === name && filter(p as EventPayload<E>)) {
        off();
        resolve(p as EventPayload<E>);
      }
    });
  });
}

/** A resident card read as the device layer publishes it on main's internal bus (`card.read`). */
export function sampleCardRead(idNumber: string, name = '邢少华'): CardReadEvent {
  return {
    deviceId: 'idcard-sim',
    at: new Date().toISOString(),
    simulated: true,
    photoImage: null,
    photoNote: null,
    card: {
      cardType: 'resident', name, englishName: null, genderCode: '1', gender: '男', nationCode: '01', nation: '汉', nationality: null,
      birthDate: '1985-12-31', address: '海南省海口市秀英区', idNumber, authority: '海口市公安局', validFrom: '2015-01-01', validTo: '长期',
      passNumber: null, issueCount: null, idNumberValid: true, photo: null,
    },
  };
}

/** A router answer's value, or the test fails with its error. */
export function ok<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** An item with required materials and its accept-ready material list, from the seed catalog. */
export async function sampleItem(app: App): Promise<{ itemCode: string; codes: string[]; materials: Array<{ code: string; state: 'received' }> }> {
  const search = ok<{ items: Array<{ code: string; name: string }> }>(await app.invoke('catalog.search', { q: 'shehuibaozhangka', limit: 5 }));
  const item = search.items.find((i) => i.name === '社会保障卡申领')!;
  const detail = ok<{ materials: Array<{ code: string; required: boolean }> }>(await app.invoke('catalog.item', { code: item.code }));
  const codes = detail.materials.filter((m) => m.required).map((m) => m.code);
  return { itemCode: item.code, codes, materials: codes.map((code) => ({ code, state: 'received' as const })) };
}

export const newDraftId = (): string => crypto.randomUUID();

/** Every file under `dir` that holds a plaintext JPEG, PNG or PDF signature (none may). */
export function clearImagesIn(dir: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const b = fs.readFileSync(file);
    // A 3-byte JPEG start is likely somewhere in megabytes of ciphertext by chance: look for it at the start
    // of a file, and anywhere for the longer signatures (JFIF/Exif headers, the PNG and PDF magic).
    if (b.subarray(0, 3).equals(CLEAR_MAGIC.jpeg) || [CLEAR_MAGIC.pdf, Buffer.from('JFIF\0', 'latin1'), Buffer.from('Exif\0\0', 'latin1'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])].some((m) => b.includes(m)))
      hits.push(path.relative(dir, file));
  }
  return hits;
}
