import crypto from 'node:crypto';
import { openBytesAes, sealBytesAes } from './bytes-seal';
import { randomIv } from './random-pool';

/**
 * Seals personal data (ID numbers, names, addresses, phones, photos) before it reaches the database.
 * Sealed text is self-describing (`v1.<alg>.<iv>.<tag>.<ciphertext>`, base64url) so the cipher can
 * change by setting without breaking old rows.
 */
export interface PiiCipher {
  seal(plain: string): string;
  open(sealed: string): string;
  /** Keyed hash for look-ups by ID number without storing it in clear. */
  lookupHash(value: string): string;
  /** Files (material pages and PDFs): the same keys, binary layout (main/crypto/bytes-seal.ts). */
  sealBytes(plain: Uint8Array): Buffer;
  openBytes(sealed: Uint8Array): Buffer;
}

import { KeyError } from './key-error';
export { KeyError };

/** AES-256-GCM with a 32-byte data key; the HMAC key is derived from it. */
export class AesGcmPiiCipher implements PiiCipher {
  private readonly hmacKey: Buffer;

  constructor(private readonly dataKey: Buffer) {
    if (dataKey.length !== 32) throw new KeyError('数据密钥长度不正确。');
    this.hmacKey = crypto.createHmac('sha256', dataKey).update('yichuang/lookup-hash/v1').digest();
  }

  seal(plain: string): string {
    const iv = randomIv(12);
    const c = crypto.createCipheriv('aes-256-gcm', this.dataKey, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return ['v1', 'aes256gcm', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [v, alg, iv, tag, ct] = sealed.split('.');
    if (v !== 'v1' || alg !== 'aes256gcm' || iv === undefined || tag === undefined || ct === undefined)
      throw new KeyError('无法识别的加密数据格式。');
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', this.dataKey, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    } catch {
      throw new KeyError('无法解密个人信息：数据密钥与数据不匹配（密钥可能已丢失或被更换）。');
    }
  }

  lookupHash(value: string): string {
    return crypto.createHmac('sha256', this.hmacKey).update(value.toUpperCase()).digest('hex');
  }

  sealBytes(plain: Uint8Array): Buffer {
    return sealBytesAes(this.dataKey, plain);
  }

  openBytes(sealed: Uint8Array): Buffer {
    return openBytesAes(this.dataKey, sealed);
  }
}
