import crypto from 'node:crypto';
import { randomIv } from './random-pool';
import { KeyError } from './key-error';
import { hmacSm3, sm4CbcDecrypt, sm4CbcEncrypt } from './sm-primitives';

/**
 * Binary sealing for files (material pages and PDFs, issue 16): the PII cipher's algorithms and keys
 * without the base64 text form, so a 2 MB page is 2 MB on disk, not 2.7. Layout:
 *   "YCB1" | alg (1 byte) | iv | tag | ciphertext
 * alg 1 = AES-256-GCM (iv 12, tag 16); alg 2 = SM4-CBC + HMAC-SM3 over magic|alg|iv|ciphertext
 * (iv 16, tag 32), encrypt-then-MAC like the text form. A sealed file starts with "YCB1", never
 * with an image's or a PDF's magic bytes.
 */
export const BYTES_MAGIC = Buffer.from('YCB1', 'latin1');
const ALG_AES = 1;
const ALG_SM4 = 2;

export interface BytesSealer {
  sealBytes(plain: Uint8Array): Buffer;
  openBytes(sealed: Uint8Array): Buffer;
}

export function sealBytesAes(key: Buffer, plain: Uint8Array): Buffer {
  const iv = randomIv(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([BYTES_MAGIC, Buffer.of(ALG_AES), iv, c.getAuthTag(), ct]);
}

export function sealBytesSm4(encKey: Buffer, macKey: Buffer, plain: Uint8Array): Buffer {
  const iv = randomIv(16);
  const ct = sm4CbcEncrypt(encKey, iv, Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength));
  const head = Buffer.concat([BYTES_MAGIC, Buffer.of(ALG_SM4), iv]);
  return Buffer.concat([head, hmacSm3(macKey, Buffer.concat([head, ct])), ct]);
}

/** Which algorithm sealed these bytes (the file names it, so a cipher setting change strands nothing). */
export function sealedBytesAlg(sealed: Uint8Array): 'aes256gcm' | 'sm4' {
  if (sealed.length < 5 || !BYTES_MAGIC.equals(Buffer.from(sealed.subarray(0, 4)))) throw new KeyError('无法识别的加密文件格式。');
  if (sealed[4] === ALG_AES) return 'aes256gcm';
  if (sealed[4] === ALG_SM4) return 'sm4';
  throw new KeyError('无法识别的加密文件格式。');
}

export function openBytesAes(key: Buffer, sealed: Uint8Array): Buffer {
  const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (b.length < 5 + 12 + 16 || b[4] !== ALG_AES) throw new KeyError('无法识别的加密文件格式。');
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', key, b.subarray(5, 17));
    d.setAuthTag(b.subarray(17, 33));
    return Buffer.concat([d.update(b.subarray(33)), d.final()]);
  } catch {
    throw new KeyError('无法解密材料文件：数据密钥与文件不匹配（密钥可能已丢失或被更换），或文件已被改动。');
  }
}

export function openBytesSm4(encKey: Buffer, macKey: Buffer, sealed: Uint8Array): Buffer {
  const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (b.length < 5 + 16 + 32 || b[4] !== ALG_SM4) throw new KeyError('无法识别的加密文件格式。');
  const head = b.subarray(0, 21);
  const tag = b.subarray(21, 53);
  const ct = b.subarray(53);
  const expected = hmacSm3(macKey, Buffer.concat([head, ct]));
  if (!crypto.timingSafeEqual(tag, expected)) throw new KeyError('无法解密材料文件：数据密钥与文件不匹配（密钥可能已丢失或被更换），或文件已被改动。');
  try {
    return sm4CbcDecrypt(encKey, b.subarray(5, 21), ct);
  } catch {
    throw new KeyError('无法解密材料文件：文件已损坏。');
  }
}
