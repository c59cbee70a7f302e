import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contract';
import { createApp, type App } from '../../app/app';
import type { Session } from '../../auth/session';
import { keyIdOf, readKeyExportHeader, unwrapDataKey } from '../../crypto/key-export';

let app: App;
let dir: string;
const session = (roles: Role[]): Session => ({ staffId: `staff-${roles.join('-') || 'none'}`, name: '测试', roles, locked: false, lockReason: null });
const PASS = 'maintenance-口令-2026';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-keys-api-'));
  app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
  app.services.settings.update({ hall: { code: '3301' }, window: { code: 'W01' } });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const audits = (action: string) => app.services.database.db.selectFrom('audit_log').select(['actor', 'subject']).where('action', '=', action).execute();

describe('keys.export through the router', { timeout: 120_000 }, () => {
  it('clerks and supervisors are refused, and nothing is audited', async () => {
    for (const roles of [['clerk'], ['supervisor'], ['clerk', 'supervisor']] as Role[][])
      expect(await app.router.invoke('keys.export', { passphrase: PASS }, { session: session(roles) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.router.invoke('keys.export', { passphrase: PASS }, { session: null })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await audits('keys.export')).toEqual([]);
  });

  it('a short passphrase is refused before any key is touched', async () => {
    const r = await app.router.invoke('keys.export', { passphrase: 'short' }, { session: session(['maintenance']) });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('maintenance gets the wrapped key as a file to save, named for the window; the export is audited', async () => {
    const r = await app.router.invoke('keys.export', { passphrase: PASS }, { session: session(['maintenance']) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const value = r.value as { fileName: string; content: string; keyId: string; seconds: number };
    const key = Buffer.from(fs.readFileSync(path.join(dir, 'keys', 'data.key'), 'utf8').trim(), 'base64');
    expect(value.keyId).toBe(keyIdOf(key));
    expect(value.fileName).toBe(`yichuang-key-3301-W01-${value.keyId}.yckey`);
    expect(readKeyExportHeader(value.content)).toMatchObject({ hall: '3301', window: 'W01', N: 2 ** 17 });
    expect((await unwrapDataKey(value.content, PASS)).key.equals(key)).toBe(true);
    expect(await audits('keys.export')).toEqual([{ actor: 'staff-maintenance', subject: value.keyId }]);
    // The file is handed to the renderer to save; nothing is left in the data folder.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.yckey'))).toEqual([]);
  });
});
