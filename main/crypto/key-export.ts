import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (pw: Buffer, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/**
 * The key export file: the window's 32-byte data key wrapped with a key derived from a passphrase,
 * so a field technician can carry it to a new PC (DPAPI / libsecret bind the local copy to one user
 * account). Four text lines:
 *
 *     YICHUANG-DATA-KEY/1
 *     {"kdf":"scrypt","N":131072,"r":8,"p":1,"salt":…,"cipher":"aes-256-gcm","iv":…,"keyId":…,…}
 *     <base64: wrapped key ‖ GCM tag>
 *     sha256:<hex of lines 1–3>
 *
 * scrypt (memory-hard: a guesser pays 128 MiB per try) and AES-256-GCM (one AEAD primitive, the
 * header lines are its associated data) are in Node's OpenSSL and in Electron's BoringSSL alike;
 * SM4 is not in BoringSSL. The checksum line only tells a damaged file from a wrong passphrase
 * (both fail GCM); it is not a security check. Parameters live in the header, so the cost can be
 * raised later without breaking old files.
 */
export const KEY_EXPORT_MAGIC = 'YICHUANG-DATA-KEY/1';

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** ~128 MiB and about a second on a hall PC: cheap once per move, costly per guess. */
export const EXPORT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };
// A crafted file must not make import hang or exhaust memory.
const MAX_N = 2 ** 20;

export interface KeyExportHeader {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  cipher: 'aes-256-gcm';
  iv: string;
  /** Fingerprint of the data key (keyIdOf), so import can say which key this is before unwrapping. */
  keyId: string;
  createdAt: string;
  /** Where it came from, for the technician: hall and window codes when known. */
  hall: string | null;
  window: string | null;
}

export type KeyExportProblem = 'damaged' | 'passphrase' | 'unsupported';

export class KeyExportError extends Error {
  constructor(
    readonly problem: KeyExportProblem,
    message: string,
  ) {
    super(message);
    this.name = 'KeyExportError';
  }
}

/** 16 hex digits identifying a data key without revealing it (HMAC, not the key's hash). */
export function keyIdOf(key: Buffer): string {
  return crypto.createHmac('sha256', key).update('yichuang/key-id/v1').digest('hex').slice(0, 16);
}

export async function wrapDataKey(
  key: Buffer,
  passphrase: string,
  origin: { hall: string | null; window: string | null },
  params: KdfParams = EXPORT_KDF,
): Promise<string> {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const header: KeyExportHeader = {
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    keyId: keyIdOf(key),
    createdAt: new Date().toISOString(),
    hall: origin.hall,
    window: origin.window,
  };
  const headLine = JSON.stringify(header);
  const kek = await deriveKek(passphrase, salt, params);
  const c = crypto.createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(`${KEY_EXPORT_MAGIC}\n${headLine}`, 'utf8'));
  const body = Buffer.concat([c.update(key), c.final(), c.getAuthTag()]).toString('base64');
  const text = `${KEY_EXPORT_MAGIC}\n${headLine}\n${body}\n`;
  return `${text}sha256:${sha256(text)}\n`;
}

/** Reads the header without the passphrase (for the key id); a damaged file throws KeyExportError. */
export function readKeyExportHeader(text: string): KeyExportHeader {
  return parse(text).header;
}

export async function unwrapDataKey(text: string, passphrase: string): Promise<{ key: Buffer; header: KeyExportHeader }> {
  const { header, headLine, body } = parse(text);
  const kek = await deriveKek(passphrase, Buffer.from(header.salt, 'base64'), header);
  let key: Buffer;
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(header.iv, 'base64'));
    d.setAAD(Buffer.from(`${KEY_EXPORT_MAGIC}\n${headLine}`, 'utf8'));
    d.setAuthTag(body.subarray(body.length - 16));
    key = Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]);
  } catch {
    throw new KeyExportError('passphrase', '口令不正确：无法用此口令解开密钥文件。请核对口令（区分大小写）后重试。');
  }
  if (key.length !== 32 || keyIdOf(key) !== header.keyId) throw new KeyExportError('damaged', '密钥文件已损坏：解出的密钥与文件记录的密钥编号不符。');
  return { key, header };
}

function parse(text: string): { header: KeyExportHeader; headLine: string; body: Buffer } {
  const damaged = (why: string) => new KeyExportError('damaged', `密钥文件已损坏或不完整（${why}）。请重新从原窗口导出，或换一份拷贝。`);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[0] !== KEY_EXPORT_MAGIC) {
    if (/^YICHUANG-DATA-KEY\/\d+$/.test(lines[0] ?? ''))
      throw new KeyExportError('unsupported', `密钥文件格式版本（${lines[0]}）比本程序新。请先把一窗升级到最新版本再导入。`);
    throw damaged('不是一窗数据密钥文件');
  }
  const [, headLine = '', bodyLine = '', sumLine = ''] = lines;
  if (sumLine !== `sha256:${sha256(`${KEY_EXPORT_MAGIC}\n${headLine}\n${bodyLine}\n`)}`) throw damaged('校验和不符');
  let header: KeyExportHeader;
  try {
    header = JSON.parse(headLine) as KeyExportHeader;
  } catch {
    throw damaged('文件头无法读取');
  }
  const validN = Number.isInteger(header.N) && header.N >= 2 && header.N <= MAX_N && (header.N & (header.N - 1)) === 0;
  if (header.kdf !== 'scrypt' || header.cipher !== 'aes-256-gcm' || !validN || !(header.r >= 1 && header.r <= 32) || !(header.p >= 1 && header.p <= 4))
    throw new KeyExportError('unsupported', '密钥文件使用了本程序不支持的参数。请用同一版本的一窗重新导出。');
  const body = Buffer.from(bodyLine, 'base64');
  if (body.length !== 48 || typeof header.keyId !== 'string' || typeof header.salt !== 'string' || typeof header.iv !== 'string') throw damaged('内容长度不符');
  return { header, headLine, body };
}

async function deriveKek(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  // NFC: the same passphrase typed with different input methods must give the same key.
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return scrypt(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem });
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
