import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app/app';
import { loadOrCreateKeyFile } from './key-file';
import { chooseKeyStore, SafeStorageKeyStore } from './key-store';
import { KeyError } from './pii-cipher';
import { fakeSafeStorage } from './testing';
import { UnavailablePiiCipher } from './unavailable-cipher';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('key file (browser host, CLI)', () => {
  it('is created 0600 in a 0700 folder, and read back the same', () => {
    const dir = tmp();
    const key = loadOrCreateKeyFile(dir, { allowCreate: true });
    const file = path.join(dir, 'keys', 'data.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadOrCreateKeyFile(dir, { allowCreate: false }).equals(key)).toBe(true);
  });

  it('key loss: the app refuses to start with a clear error and leaves the database untouched', async () => {
    const dir = tmp();
    const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    const sealed = app.services.pii.seal('460102199001010021');
    await app.close();
    const dbFile = path.join(dir, 'yichuang.db');
    const before = crypto.createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex');
    fs.rmSync(path.join(dir, 'keys', 'data.key'));
    await expect(createApp({ dataDir: dir, mode: 'normal', transport: 'test' })).rejects.toThrow(/找不到数据密钥.*请从备份恢复密钥文件/);
    expect(fs.existsSync(path.join(dir, 'keys', 'data.key'))).toBe(false); // no silent new key
    expect(crypto.createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex')).toBe(before);
    expect(sealed.startsWith('v1.')).toBe(true);
  });

  it('a replaced key is detected when data is opened, never silently mis-decrypted', async () => {
    const dir = tmp();
    const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    const sealed = app.services.pii.seal('460102199001010021');
    await app.close();
    fs.writeFileSync(path.join(dir, 'keys', 'data.key'), crypto.randomBytes(32).toString('base64'));
    const again = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    expect(() => again.services.pii.open(sealed)).toThrow(KeyError);
    await again.close();
  });

  it('a corrupt key file is a clear error', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'keys'));
    fs.writeFileSync(path.join(dir, 'keys', 'data.key'), 'short');
    expect(() => loadOrCreateKeyFile(dir, { allowCreate: true })).toThrow(/已损坏/);
  });
});

describe('safeStorage key store (Electron)', () => {
  it('creates the key under OS protection, with no plain key on disk', () => {
    const dir = tmp();
    const safe = fakeSafeStorage();
    const key = new SafeStorageKeyStore(dir, safe).load({ allowCreate: true });
    expect(fs.existsSync(path.join(dir, 'keys', 'data.key'))).toBe(false);
    const onDisk = fs.readFileSync(path.join(dir, 'keys', 'data.key.safe'));
    expect(onDisk.includes(key)).toBe(false);
    expect(onDisk.toString().includes(key.toString('base64'))).toBe(false);
    expect(new SafeStorageKeyStore(dir, safe).load({ allowCreate: false }).equals(key)).toBe(true);
  });

  it('moves a plain key file under protection and removes the plain file', () => {
    const dir = tmp();
    const plain = loadOrCreateKeyFile(dir, { allowCreate: true });
    const key = new SafeStorageKeyStore(dir, fakeSafeStorage()).load({ allowCreate: false });
    expect(key.equals(plain)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'keys', 'data.key'))).toBe(false);
  });

  it('another OS profile, an unavailable key store, or a lost key: clear errors, no new key', () => {
    const dir = tmp();
    new SafeStorageKeyStore(dir, fakeSafeStorage()).load({ allowCreate: true });
    expect(() => new SafeStorageKeyStore(dir, fakeSafeStorage()).load({ allowCreate: false })).toThrow(/无法解开数据密钥/);
    expect(() => new SafeStorageKeyStore(dir, fakeSafeStorage(undefined, false)).load({ allowCreate: false })).toThrow(/系统密钥库不可用/);
    const empty = tmp();
    expect(() => new SafeStorageKeyStore(empty, fakeSafeStorage()).load({ allowCreate: false })).toThrow(/找不到数据密钥/);
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it('the CLI on a data folder protected by safeStorage works without PII access', async () => {
    const dir = tmp();
    new SafeStorageKeyStore(dir, fakeSafeStorage()).load({ allowCreate: true });
    expect(chooseKeyStore(dir)).toBeNull();
    const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    expect(app.services.pii).toBeInstanceOf(UnavailablePiiCipher);
    expect(() => app.services.pii.open('v1.x')).toThrow(/命令行无法读取个人信息/);
    await app.close();
  });
});

describe('cipher setting', () => {
  it('SM4 in the settings: new data sealed with SM4 and new audit entries chained with SM3; old rows still open', async () => {
    const dir = tmp();
    const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    const aes = app.services.pii.seal('460102199001010021');
    app.services.settings.update({ piiCipher: 'sm4' });
    const meta = () => app.services.database.db.selectFrom('meta').select('value').where('key', '=', 'audit.algorithm').executeTakeFirst();
    await vi.waitFor(async () => expect((await meta())?.value).toBe('sm3'));
    const sm4 = app.services.pii.seal('460102199001010021');
    expect(sm4.split('.')[1]).toBe('sm4cbc-hmacsm3');
    expect(app.services.pii.open(aes)).toBe('460102199001010021');
    const { appendAudit } = await import('../audit/chain');
    const { verifyAuditChain } = await import('../audit/verify');
    await appendAudit(app.services.database.db, { actor: 't', action: 'settings.change' });
    const last = await app.services.database.db.selectFrom('audit_log').select('algorithm').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last.algorithm).toBe('sm3');
    expect((await verifyAuditChain(app.services.database.db)).ok).toBe(true);
    await app.close();
    const again = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    expect(again.services.pii.open(sm4)).toBe('460102199001010021');
    await again.close();
  });
});
