import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface DeviceIdentity {
  deviceId: string;
  hall: string;
  window: string;
}

const SECRET_FILE = 'central-secret';

/**
 * The signing secret of device credentials. It lives outside the database (a file in the data
 * folder, or YICHUANG_CENTRAL_SECRET for several instances), so credentials stay valid when the
 * database is restored from a backup — windows then re-offer their data instead of being locked out.
 */
export function loadSecret(dataDir: string): Buffer {
  const fromEnv = process.env.YICHUANG_CENTRAL_SECRET;
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = path.join(dataDir, SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
}

const mac = (secret: Buffer, text: string) => crypto.createHmac('sha256', secret).update(text).digest('base64url');

/** `yc1.<base64url identity>.<hmac>`: verified without a database read (stateless instances). */
export function issueCredential(secret: Buffer, who: DeviceIdentity): string {
  const body = Buffer.from(JSON.stringify({ d: who.deviceId, h: who.hall, w: who.window })).toString('base64url');
  return `yc1.${body}.${mac(secret, `device:${body}`)}`;
}

export function verifyCredential(secret: Buffer, credential: string): DeviceIdentity | null {
  const [v, body, sig] = credential.split('.');
  if (v !== 'yc1' || !body || !sig) return null;
  const expected = Buffer.from(mac(secret, `device:${body}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const o = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { d?: unknown; h?: unknown; w?: unknown };
    if (typeof o.d !== 'string' || typeof o.h !== 'string' || typeof o.w !== 'string') return null;
    return { deviceId: o.d, hall: o.h, window: o.w };
  } catch {
    return null;
  }
}

/** The operators' token for /v1/admin/*, derived from the same secret so the CLI can compute it. */
export function adminToken(secret: Buffer): string {
  return mac(secret, 'admin-token/v1');
}

export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
