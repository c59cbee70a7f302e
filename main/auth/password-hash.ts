import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (pw: string | Buffer, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/** scrypt cost parameters. Recorded in every hash so they can be raised without breaking old ones. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. Memory ≈ 128 · N · r bytes (32 MiB at the default). */
  N: number;
  r: number;
  p: number;
}

/** ~0.1 s and 32 MiB on a hall PC: slow for a guesser with a stolen database, quick for a clerk. */
export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;
// Refuse parameter sets that would let a crafted roster entry hang the app or exhaust memory.
const MAX_N = 2 ** 20;

/** `scrypt$N=32768,r=8,p=1$<salt b64>$<hash b64>` */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await derive(password, salt, params, KEY_LEN);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function parseHash(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const m = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return null;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const validN = params.N >= 2 && params.N <= MAX_N && (params.N & (params.N - 1)) === 0;
  if (!validN || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  const salt = Buffer.from(m[4]!, 'base64');
  const hash = Buffer.from(m[5]!, 'base64');
  if (salt.length < 8 || hash.length < 16) return null;
  return { params, salt, hash };
}

/** Constant-time check. A malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  return crypto.timingSafeEqual(candidate, parsed.hash);
}

/** True when the stored hash is weaker than today's parameters: re-hash it at the next sign-in. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_PARAMS): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.params.N < params.N || parsed.params.r < params.r || parsed.params.p < params.p;
}

/** A hash of a random password, verified against when an account is unknown (no timing oracle on staff ids). */
const dummies = new Map<string, Promise<string>>();
export function dummyHash(params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  const key = `${params.N},${params.r},${params.p}`;
  let hash = dummies.get(key);
  if (!hash) dummies.set(key, (hash = hashPassword(crypto.randomBytes(16).toString('hex'), params)));
  return hash;
}

function derive(password: string, salt: Buffer, params: ScryptParams, len: number): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 16 * 1024 * 1024;
  return scrypt(password.normalize('NFC'), salt, len, { N: params.N, r: params.r, p: params.p, maxmem });
}
