import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app/app';
import { openDatabase } from '../db/database';
import { createDemoCases } from '../intake/demo-cases';
import { keyIdOf, unwrapDataKey, wrapDataKey } from './key-export';
import { installDataKey, KeyImportError } from './key-install';
import { SAFE_KEY_FILE, type SafeStorageLike } from './key-store';
import { fakeSafeStorage } from './testing';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-keyimport-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const LIGHT = { N: 1024, r: 8, p: 1 };
const keyFile = (dir: string) => path.join(dir, 'keys', 'data.key');
const readKey = (dir: string) => Buffer.from(fs.readFileSync(keyFile(dir), 'utf8').trim(), 'base64');
const digest = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A window with `count` demo cases (sealed applicants); returns the first case and its applicant in clear. */
async function windowWithCases(count = 2, safeStorage?: SafeStorageLike) {
  const dir = tmp();
  const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test', ...(safeStorage ? { safeStorage } : {}) });
  const ids: string[] = [];
  await createDemoCases(app.services, count, { id: 't', name: '测试' }, (c) => ids.push(c.caseId), 7);
  const applicant = await app.services.cases.reveal(ids[0]!, '测试', 't');
  await app.close();
  return { dir, caseId: ids[0]!, applicant };
}

/** A fresh data folder that has started once: its own key, no sealed data. */
async function startedOnce(safeStorage?: SafeStorageLike) {
  const dir = tmp();
  await (await createApp({ dataDir: dir, mode: 'normal', transport: 'test', ...(safeStorage ? { safeStorage } : {}) })).close();
  return dir;
}

function copyDatabase(from: string, to: string): void {
  for (const f of fs.readdirSync(to).filter((f) => f.startsWith('yichuang.db'))) fs.rmSync(path.join(to, f));
  fs.copyFileSync(path.join(from, 'yichuang.db'), path.join(to, 'yichuang.db'));
}

async function install(dir: string, key: Buffer, opts: { replace?: boolean; safe?: SafeStorageLike } = {}) {
  const database = fs.existsSync(path.join(dir, 'yichuang.db')) ? await openDatabase(dir) : null;
  try {
    return await installDataKey(dir, key, { replace: Boolean(opts.replace), database, ...(opts.safe ? { safe: opts.safe } : {}) });
  } finally {
    await database?.close();
  }
}

async function revealIn(dir: string, caseId: string, safeStorage?: SafeStorageLike) {
  const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test', ...(safeStorage ? { safeStorage } : {}) });
  try {
    return await app.services.cases.reveal(caseId, '换机核对', 't');
  } finally {
    await app.close();
  }
}

describe('importing a data key', { timeout: 120_000 }, () => {
  it('round trip: export on one data folder, import on a fresh one with the copied database, the sealed applicant opens', async () => {
    const old = await windowWithCases();
    const file = await wrapDataKey(readKey(old.dir), '旧电脑导出-passphrase', { hall: null, window: null }, LIGHT);
    const fresh = tmp();
    copyDatabase(old.dir, fresh);
    const { key } = await unwrapDataKey(file, '旧电脑导出-passphrase');
    const r = await install(fresh, key);
    expect(r).toMatchObject({ action: 'installed', keyId: keyIdOf(readKey(old.dir)), previousKeyId: null });
    expect(r.fit!.total).toBeGreaterThan(0);
    expect(r.fit!.opened).toBe(r.fit!.total);
    expect(fs.statSync(keyFile(fresh)).mode & 0o777).toBe(0o600);
    expect(await revealIn(fresh, old.caseId)).toEqual(old.applicant);
    // Importing the same key again changes nothing.
    expect(await install(fresh, key)).toMatchObject({ action: 'unchanged', keptAs: [] });
  });

  it('refuses to replace a key that sealed data, even with --replace; nothing changes', async () => {
    const old = await windowWithCases();
    // The old database copied to a PC that then ran with its own key and accepted a case: mixed data.
    const mixed = await startedOnce();
    copyDatabase(old.dir, mixed);
    const app = await createApp({ dataDir: mixed, mode: 'normal', transport: 'test' });
    const own: string[] = [];
    await createDemoCases(app.services, 1, { id: 't', name: '测试' }, (c) => own.push(c.caseId), 9);
    const ownApplicant = await app.services.cases.reveal(own[0]!, '测试', 't');
    await app.close();
    const before = digest(keyFile(mixed));
    await expect(install(mixed, readKey(old.dir))).rejects.toThrow(/已有另一把数据密钥.*--replace/);
    await expect(install(mixed, readKey(old.dir), { replace: true })).rejects.toThrow(/不能替换：数据库中已有用本机现有密钥加密的个人信息/);
    expect(digest(keyFile(mixed))).toBe(before);
    expect(fs.readdirSync(path.join(mixed, 'keys'))).toEqual(['data.key']);
    expect(await revealIn(mixed, own[0]!)).toEqual(ownApplicant);
    // A busy window's database with another window's key: not its key at all.
    const busy = await windowWithCases(1);
    await expect(install(busy.dir, readKey(old.dir), { replace: true })).rejects.toThrow(/不是这个数据库的密钥/);
    expect(fs.readdirSync(path.join(busy.dir, 'keys'))).toEqual(['data.key']);
  });

  it('--replace takes over a PC started once (own key, nothing sealed) and keeps the old key aside', async () => {
    const old = await windowWithCases();
    const fresh = await startedOnce();
    const ownKey = readKey(fresh);
    copyDatabase(old.dir, fresh);
    await expect(install(fresh, readKey(old.dir))).rejects.toThrow(KeyImportError);
    const r = await install(fresh, readKey(old.dir), { replace: true });
    expect(r).toMatchObject({ action: 'replaced', previousKeyId: keyIdOf(ownKey) });
    expect(r.keptAs).toHaveLength(1);
    expect(Buffer.from(fs.readFileSync(r.keptAs[0]!, 'utf8').trim(), 'base64').equals(ownKey)).toBe(true);
    expect(await revealIn(fresh, old.caseId)).toEqual(old.applicant);
  });

  it("refuses a key that opens none of the database's sealed data", async () => {
    const old = await windowWithCases();
    const fresh = tmp();
    copyDatabase(old.dir, fresh);
    await expect(install(fresh, crypto.randomBytes(32))).rejects.toThrow(/解不开数据库中的任何一条个人信息.*不是这个数据库的密钥/);
    expect(fs.existsSync(path.join(fresh, 'keys'))).toBe(false);
  });

  it('desktop app (safeStorage): the imported key ends up protected for the new PC user and opens the data', async () => {
    const oldProfile = fakeSafeStorage();
    const old = await windowWithCases(2, oldProfile);
    const oldKey = Buffer.from(oldProfile.decryptString(fs.readFileSync(path.join(old.dir, 'keys', SAFE_KEY_FILE))), 'base64');
    const newProfile = fakeSafeStorage();
    const fresh = await startedOnce(newProfile);
    copyDatabase(old.dir, fresh);
    const r = await install(fresh, oldKey, { replace: true, safe: newProfile });
    expect(r.action).toBe('replaced');
    const files = fs.readdirSync(path.join(fresh, 'keys'));
    expect(files).toHaveLength(2);
    expect(files).toContain(SAFE_KEY_FILE);
    expect(files.some((f) => /^data\.key\.safe\.replaced-/.test(f))).toBe(true);
    expect(await revealIn(fresh, old.caseId, newProfile)).toEqual(old.applicant);
  });

  it('CLI against a protected key: replaces only when every sealed value opens with the imported key', async () => {
    const profile = fakeSafeStorage();
    const old = await windowWithCases(1, profile);
    const oldKey = Buffer.from(profile.decryptString(fs.readFileSync(path.join(old.dir, 'keys', SAFE_KEY_FILE))), 'base64');
    // The old database on a PC whose protected key then sealed a case of its own: the CLI cannot read
    // that key, sees data the imported key does not open, and refuses.
    const mixed = await startedOnce(profile);
    copyDatabase(old.dir, mixed);
    const app = await createApp({ dataDir: mixed, mode: 'normal', transport: 'test', safeStorage: profile });
    await createDemoCases(app.services, 1, { id: 't', name: '测试' }, () => undefined, 9);
    await app.close();
    await expect(install(mixed, oldKey, { replace: true })).rejects.toThrow(/不能替换：本机现有密钥无法在此核对.*用导入的密钥解不开/);
    expect(fs.readdirSync(path.join(mixed, 'keys'))).toEqual([SAFE_KEY_FILE]);
    // A PC started once under the desktop app, then given the old database: allowed; the app re-protects at start.
    const fresh = await startedOnce(profile);
    copyDatabase(old.dir, fresh);
    await expect(install(fresh, oldKey)).rejects.toThrow(/受系统密钥库保护.*--replace/);
    const r = await install(fresh, oldKey, { replace: true });
    expect(r).toMatchObject({ action: 'replaced', previousKeyId: 'protected' });
    expect(await revealIn(fresh, old.caseId, profile)).toEqual(old.applicant);
    expect(fs.existsSync(keyFile(fresh))).toBe(false); // moved under safeStorage at start
  });
});
