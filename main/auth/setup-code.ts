import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hashPassword, verifyPassword, type ScryptParams } from './password-hash';

/** meta key holding the scrypt hash of the current one-time setup code (never the code itself). */
export const META_SETUP_CODE = 'auth.setup_code';
export const SETUP_CODE_FILE = 'setup-code.txt';
// No 0/O/1/I/L: read aloud over the phone and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * The code has ~59 random bits, works once and is guarded by the lockout, so a light scrypt is
 * plenty; it keeps every start of an un-set-up window (and every test app) quick.
 */
export const SETUP_CODE_PARAMS: ScryptParams = { N: 4096, r: 8, p: 1 };

export function setupCodeFile(dataDir: string): string {
  return path.join(dataDir, SETUP_CODE_FILE);
}

/** `ABCD-EFGH-JKMN`: 12 characters, ~59 bits; guessing is further slowed by the lockout. */
export function newSetupCode(): string {
  const chars = Array.from(crypto.randomBytes(12), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export function normaliseSetupCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * Makes sure an un-set-up window has a valid setup code in `<dataDir>/setup-code.txt` (0600).
 * A code already in the file that still matches is kept (so a CLI run does not invalidate the code
 * the installer wrote down); otherwise a new one replaces it. Returns the code and whether it is new.
 */
export async function ensureSetupCode(db: Kysely<DB>, dataDir: string, params: ScryptParams = SETUP_CODE_PARAMS): Promise<{ code: string; file: string; created: boolean }> {
  const file = setupCodeFile(dataDir);
  const stored = await db.selectFrom('meta').select('value').where('key', '=', META_SETUP_CODE).executeTakeFirst();
  const existing = fs.existsSync(file) ? readCodeFrom(file) : null;
  if (stored && existing && (await verifyPassword(existing, stored.value))) return { code: existing, file, created: false };
  const code = newSetupCode();
  const hash = await hashPassword(code, params);
  await db
    .insertInto('meta')
    .values({ key: META_SETUP_CODE, value: hash })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
    .execute();
  fs.writeFileSync(
    file,
    `一窗 Yichuang 初始设置码（一次性）：${code}\n` +
      '在本窗口首次启动的“初始设置”页输入此设置码，创建运维账号。使用后此文件自动删除。\n' +
      `One-time setup code: ${code}\n`,
    { mode: 0o600 },
  );
  fs.chmodSync(file, 0o600);
  return { code, file, created: true };
}

export async function checkSetupCode(db: Kysely<DB>, code: string): Promise<boolean> {
  const stored = await db.selectFrom('meta').select('value').where('key', '=', META_SETUP_CODE).executeTakeFirst();
  return Boolean(stored) && (await verifyPassword(normaliseSetupCode(code), stored!.value));
}

export function removeSetupCodeFile(dataDir: string): void {
  fs.rmSync(setupCodeFile(dataDir), { force: true });
}

function readCodeFrom(file: string): string | null {
  const m = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(fs.readFileSync(file, 'utf8'));
  return m ? m[1]! : null;
}
