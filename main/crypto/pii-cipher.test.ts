import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfiguredPiiCipher } from './cipher-setting';
import { AesGcmPiiCipher, KeyError } from './pii-cipher';
import { nativeSm } from './sm-primitives';
import { Sm4PiiCipher } from './sm4-cipher';

const key = crypto.randomBytes(32);
const samples = ['460102199001010021', '张三丰', '海南省海口市美兰区 某路 1 号', '', 'x'.repeat(5000), '😀 emoji ok'];

describe('PII ciphers', () => {
  const ciphers = {
    'AES-256-GCM': new AesGcmPiiCipher(key),
    'SM4-CBC + HMAC-SM3': new Sm4PiiCipher(key),
    'SM4 (pure JS, as under Electron)': new Sm4PiiCipher(key, 'js'),
  };
  for (const [name, c] of Object.entries(ciphers)) {
    it(`${name}: round trip, random IV, no clear text in the sealed form`, () => {
      for (const s of samples) {
        const sealed = c.seal(s);
        expect(c.open(sealed)).toBe(s);
        if (s.length > 3) expect(sealed).not.toContain(s);
        expect(c.seal(s)).not.toBe(sealed);
      }
    });
    it(`${name}: a changed byte or another key is refused with a KeyError, never garbage`, () => {
      const sealed = c.seal('460102199001010021');
      const parts = sealed.split('.');
      const ct = Buffer.from(parts[4]!, 'base64url');
      ct[0]! ^= 1;
      parts[4] = ct.toString('base64url');
      expect(() => c.open(parts.join('.'))).toThrow(KeyError);
      const other = name.startsWith('AES') ? new AesGcmPiiCipher(crypto.randomBytes(32)) : new Sm4PiiCipher(crypto.randomBytes(32));
      expect(() => other.open(sealed)).toThrow(KeyError);
      expect(() => c.open('garbage')).toThrow(KeyError);
    });
  }

  it('SM4 sealed by OpenSSL opens with the pure-JS implementation and back', () => {
    if (!nativeSm.sm4 || !nativeSm.sm3) return;
    const native = new Sm4PiiCipher(key, 'native');
    const js = new Sm4PiiCipher(key, 'js');
    expect(js.open(native.seal('460102199001010021'))).toBe('460102199001010021');
    expect(native.open(js.seal('张三'))).toBe('张三');
    expect(js.lookupHash('46010219900101002x')).toBe(native.lookupHash('46010219900101002X'));
  });

  it('the configured cipher opens rows of either algorithm, and keeps look-up hashes stable across a cipher change', () => {
    const aes = new ConfiguredPiiCipher(key, 'aes256gcm', 'aes256gcm');
    const sm4 = new ConfiguredPiiCipher(key, 'sm4', 'aes256gcm');
    const a = aes.seal('460102199001010021');
    const b = sm4.seal('460102199001010021');
    expect(b.split('.')[1]).toBe('sm4cbc-hmacsm3');
    expect(sm4.open(a)).toBe('460102199001010021');
    expect(aes.open(b)).toBe('460102199001010021');
    expect(sm4.lookupHash('460102199001010021')).toBe(aes.lookupHash('460102199001010021'));
    expect(new ConfiguredPiiCipher(key, 'sm4', 'sm4').lookupHash('1')).not.toBe(aes.lookupHash('1'));
  });
});
