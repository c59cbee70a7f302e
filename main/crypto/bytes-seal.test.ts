import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BYTES_MAGIC } from './bytes-seal';
import { ConfiguredPiiCipher } from './cipher-setting';

describe('binary sealing (material files)', () => {
  const key = crypto.randomBytes(32);
  const plain = crypto.randomBytes(300_001);

  it.each(['aes256gcm', 'sm4'] as const)('%s: seals to an opaque file that opens under either setting and refuses a changed byte', (alg) => {
    const cipher = new ConfiguredPiiCipher(key, alg, 'aes256gcm');
    const sealed = cipher.sealBytes(plain);
    expect(sealed.subarray(0, 4).equals(BYTES_MAGIC)).toBe(true);
    expect(sealed.includes(plain.subarray(0, 64))).toBe(false);
    // The setting changed since: the file names its algorithm.
    const other = new ConfiguredPiiCipher(key, alg === 'sm4' ? 'aes256gcm' : 'sm4', 'aes256gcm');
    expect(other.openBytes(sealed).equals(plain)).toBe(true);
    const changed = Buffer.from(sealed);
    changed[changed.length - 10]! ^= 0x40;
    expect(() => cipher.openBytes(changed)).toThrow(/改动|损坏/);
    expect(() => new ConfiguredPiiCipher(crypto.randomBytes(32), alg, 'aes256gcm').openBytes(sealed)).toThrow(/密钥/);
    expect(() => cipher.openBytes(Buffer.from('%PDF-1.7'))).toThrow(/格式/);
  });
});
