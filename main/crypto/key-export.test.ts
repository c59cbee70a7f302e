import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXPORT_KDF, KEY_EXPORT_MAGIC, KeyExportError, keyIdOf, readKeyExportHeader, unwrapDataKey, wrapDataKey } from './key-export';

// A light cost keeps these quick; the default cost is exercised by the CLI and API tests.
const LIGHT = { N: 1024, r: 8, p: 1 };
const origin = { hall: '3301', window: 'W01' };
const PASS = '换电脑 correct-horse-7';

async function problemOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KeyExportError);
  return `${(err as KeyExportError).problem}: ${(err as Error).message}`;
}

/** Re-seals lines 1–3 with a fresh checksum, as a forger (or a careful editor) would. */
function withChecksum(lines: string[]): string {
  const text = `${lines.slice(0, 3).join('\n')}\n`;
  return `${text}sha256:${crypto.createHash('sha256').update(text).digest('hex')}\n`;
}

describe('key export file', () => {
  it('round trip: the same key comes back, with its id, origin and cost in the header', async () => {
    const key = crypto.randomBytes(32);
    const text = await wrapDataKey(key, PASS, origin, LIGHT);
    expect(text.startsWith(`${KEY_EXPORT_MAGIC}\n`)).toBe(true);
    expect(text).not.toContain(key.toString('base64'));
    const header = readKeyExportHeader(text);
    expect(header).toMatchObject({ kdf: 'scrypt', ...LIGHT, cipher: 'aes-256-gcm', keyId: keyIdOf(key), hall: '3301', window: 'W01' });
    const back = await unwrapDataKey(text, PASS);
    expect(back.key.equals(key)).toBe(true);
    // Two exports of one key differ (fresh salt and IV) but name the same key.
    const again = await wrapDataKey(key, PASS, origin, LIGHT);
    expect(again).not.toBe(text);
    expect(readKeyExportHeader(again).keyId).toBe(header.keyId);
  });

  it('the default cost is scrypt N=2^17, r=8 (128 MiB per guess)', () => {
    expect(EXPORT_KDF).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('a wrong passphrase is refused as such, in Chinese', async () => {
    const text = await wrapDataKey(crypto.randomBytes(32), PASS, origin, LIGHT);
    expect(await problemOf(unwrapDataKey(text, `${PASS}x`))).toMatch(/^passphrase: 口令不正确/);
    expect(await problemOf(unwrapDataKey(text, ''))).toMatch(/^passphrase: /);
  });

  it('the passphrase is NFC-normalised: composed and decomposed input open the same file', async () => {
    const key = crypto.randomBytes(32);
    const text = await wrapDataKey(key, 'Café-口令-2026-x'.normalize('NFC'), origin, LIGHT);
    expect((await unwrapDataKey(text, 'Café-口令-2026-x'.normalize('NFD'))).key.equals(key)).toBe(true);
  });

  it('survives a CRLF conversion (Windows editors, mail)', async () => {
    const key = crypto.randomBytes(32);
    const text = await wrapDataKey(key, PASS, origin, LIGHT);
    expect((await unwrapDataKey(text.replace(/\n/g, '\r\n'), PASS)).key.equals(key)).toBe(true);
  });

  it('a damaged file is refused as damaged, never as a wrong passphrase', async () => {
    const text = await wrapDataKey(crypto.randomBytes(32), PASS, origin, LIGHT);
    const lines = text.split('\n');
    const body = lines[2]!;
    const flipped = [lines[0], lines[1], (body[0] === 'A' ? 'B' : 'A') + body.slice(1), lines[3], ''].join('\n');
    expect(await problemOf(unwrapDataKey(flipped, PASS))).toMatch(/^damaged: 密钥文件已损坏或不完整（校验和不符）/);
    expect(await problemOf(unwrapDataKey(text.slice(0, text.length - 30), PASS))).toMatch(/^damaged: /);
    expect(await problemOf(unwrapDataKey(lines.slice(0, 2).join('\n'), PASS))).toMatch(/^damaged: /);
    expect(await problemOf(unwrapDataKey('', PASS))).toMatch(/^damaged: .*不是一窗数据密钥文件/);
    expect(await problemOf(unwrapDataKey('{"not":"a key file"}', PASS))).toMatch(/^damaged: /);
    expect(() => readKeyExportHeader(flipped)).toThrow(KeyExportError);
  });

  it('a newer format version asks for an upgrade', async () => {
    const text = await wrapDataKey(crypto.randomBytes(32), PASS, origin, LIGHT);
    expect(await problemOf(unwrapDataKey(text.replace(KEY_EXPORT_MAGIC, 'YICHUANG-DATA-KEY/2'), PASS))).toMatch(/^unsupported: .*升级/);
  });

  it('an edited header with a recomputed checksum does not open (the header is authenticated)', async () => {
    const key = crypto.randomBytes(32);
    const lines = (await wrapDataKey(key, PASS, origin, LIGHT)).split('\n');
    const forged = withChecksum([lines[0]!, lines[1]!.replace('"window":"W01"', '"window":"W99"'), lines[2]!]);
    expect(readKeyExportHeader(forged).window).toBe('W99');
    await expect(unwrapDataKey(forged, PASS)).rejects.toThrow(KeyExportError);
  });

  it('refuses a cost that would hang or exhaust memory on import', async () => {
    const lines = (await wrapDataKey(crypto.randomBytes(32), PASS, origin, LIGHT)).split('\n');
    const huge = withChecksum([lines[0]!, lines[1]!.replace('"N":1024', `"N":${2 ** 24}`), lines[2]!]);
    expect(await problemOf(unwrapDataKey(huge, PASS))).toMatch(/^unsupported: /);
  });
});
