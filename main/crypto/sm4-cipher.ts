import crypto from 'node:crypto';
import { openBytesSm4, sealBytesSm4 } from './bytes-seal';
import { randomIv } from './random-pool';
import { KeyError, type PiiCipher } from './pii-cipher';
import { hmacSm3, sm4CbcDecrypt, sm4CbcEncrypt, type SmImplementation } from './sm-primitives';

export const SM4_ALG = 'sm4cbc-hmacsm3';

/**
 * SM4 for deployments that require the national algorithms. There is no SM4-GCM in OpenSSL's
 * default set, so this is SM4-CBC with an HMAC-SM3 tag over version, algorithm, IV and ciphertext
 * (encrypt-then-MAC): a changed byte anywhere is refused before decryption is attempted.
 * The encryption and MAC keys are derived from the one 32-byte data key, so switching the cipher
 * setting needs no new key.
 */
export class Sm4PiiCipher implements PiiCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(
    dataKey: Buffer,
    private readonly impl?: SmImplementation,
  ) {
    if (dataKey.length !== 32) throw new KeyError('数据密钥长度不正确。');
    this.encKey = derive(dataKey, 'yichuang/sm4-enc/v1', 16);
    this.macKey = derive(dataKey, 'yichuang/sm3-mac/v1', 32);
    this.lookupKey = derive(dataKey, 'yichuang/lookup-hash-sm3/v1', 32);
  }

  seal(plain: string): string {
    const iv = randomIv(16);
    const ct = sm4CbcEncrypt(this.encKey, iv, Buffer.from(plain, 'utf8'), this.impl);
    const head = ['v1', SM4_ALG, iv.toString('base64url')].join('.');
    const body = ct.toString('base64url');
    return [head, this.tag(head, body), body].join('.');
  }

  open(sealed: string): string {
    const [v, alg, iv, tag, ct] = sealed.split('.');
    if (v !== 'v1' || alg !== SM4_ALG || iv === undefined || tag === undefined || ct === undefined)
      throw new KeyError('无法识别的加密数据格式。');
    const expected = Buffer.from(this.tag([v, alg, iv].join('.'), ct), 'base64url');
    const given = Buffer.from(tag, 'base64url');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
      throw new KeyError('无法解密个人信息：数据密钥与数据不匹配（密钥可能已丢失或被更换），或数据已被改动。');
    try {
      return sm4CbcDecrypt(this.encKey, Buffer.from(iv, 'base64url'), Buffer.from(ct, 'base64url'), this.impl).toString('utf8');
    } catch {
      throw new KeyError('无法解密个人信息：数据已损坏。');
    }
  }

  lookupHash(value: string): string {
    return hmacSm3(this.lookupKey, value.toUpperCase(), this.impl).toString('hex');
  }

  sealBytes(plain: Uint8Array): Buffer {
    return sealBytesSm4(this.encKey, this.macKey, plain);
  }

  openBytes(sealed: Uint8Array): Buffer {
    return openBytesSm4(this.encKey, this.macKey, sealed);
  }

  private tag(head: string, body: string): string {
    return hmacSm3(this.macKey, `${head}.${body}`, this.impl).toString('base64url');
  }
}

function derive(key: Buffer, info: string, length: number): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), info, length));
}
