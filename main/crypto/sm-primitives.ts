import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';

/**
 * SM4-CBC and SM3 / HMAC-SM3, through OpenSSL when this Node has them and through the pure-JS
 * sm-crypto otherwise (Electron's BoringSSL ships neither). Both paths give identical bytes, which
 * the tests check, so data sealed under one runtime opens under the other.
 */
export const nativeSm = {
  sm4: crypto.getCiphers().includes('sm4-cbc'),
  sm3: crypto.getHashes().includes('sm3'),
};

export type SmImplementation = 'native' | 'js';

function pick(kind: 'sm4' | 'sm3', impl?: SmImplementation): SmImplementation {
  return impl ?? (nativeSm[kind] ? 'native' : 'js');
}

const toArray = (b: Buffer): number[] => Array.from(b);

export function sm4CbcEncrypt(key: Buffer, iv: Buffer, plain: Buffer, impl?: SmImplementation): Buffer {
  if (pick('sm4', impl) === 'native') {
    const c = crypto.createCipheriv('sm4-cbc', key, iv);
    return Buffer.concat([c.update(plain), c.final()]);
  }
  return Buffer.from(smCrypto.sm4.encrypt(toArray(plain), toArray(key), { mode: 'cbc', iv: toArray(iv), output: 'array' }));
}

export function sm4CbcDecrypt(key: Buffer, iv: Buffer, cipherText: Buffer, impl?: SmImplementation): Buffer {
  if (pick('sm4', impl) === 'native') {
    const d = crypto.createDecipheriv('sm4-cbc', key, iv);
    return Buffer.concat([d.update(cipherText), d.final()]);
  }
  return Buffer.from(smCrypto.sm4.decrypt(toArray(cipherText), toArray(key), { mode: 'cbc', iv: toArray(iv), output: 'array' }));
}

export function sm3Hex(data: string | Buffer, impl?: SmImplementation): string {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (pick('sm3', impl) === 'native') return crypto.createHash('sm3').update(buf).digest('hex');
  return smCrypto.sm3(toArray(buf));
}

export function hmacSm3(key: Buffer, data: string | Buffer, impl?: SmImplementation): Buffer {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (pick('sm3', impl) === 'native') return crypto.createHmac('sm3', key).update(buf).digest();
  return Buffer.from(smCrypto.sm3(toArray(buf), { key: toArray(key), mode: 'hmac' }), 'hex');
}
