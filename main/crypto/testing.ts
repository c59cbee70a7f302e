import crypto from 'node:crypto';
import type { SafeStorageLike } from './key-store';

/**
 * For tests: a stand-in for Electron's safeStorage, AES under a "user profile" key. Two instances
 * are two Windows accounts (or two PCs): one cannot open what the other protected.
 */
export function fakeSafeStorage(profile = crypto.randomBytes(32), available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', profile, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), ct]);
    },
    decryptString(buf) {
      const d = crypto.createDecipheriv('aes-256-gcm', profile, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}
