import { z } from 'zod';
import { AesGcmPiiCipher, KeyError, type PiiCipher } from './pii-cipher';
import { sealedBytesAlg } from './bytes-seal';
import { SM4_ALG, Sm4PiiCipher } from './sm4-cipher';

/** The cipher setting: AES-256-GCM by default, SM4 where the deployment requires national algorithms. */
export const CipherName = z.enum(['aes256gcm', 'sm4']);
export type CipherName = z.infer<typeof CipherName>;

/**
 * Seals with the configured cipher and opens whatever a row was sealed with (the sealed text names
 * its algorithm), so changing the setting never strands old rows. Look-up hashes must stay stable
 * for the life of a database, so their algorithm is fixed separately (`lookup`), at first run.
 */
export class ConfiguredPiiCipher implements PiiCipher {
  private readonly aes: AesGcmPiiCipher;
  private readonly sm4: Sm4PiiCipher;

  constructor(
    dataKey: Buffer,
    private cipher: CipherName,
    readonly lookup: CipherName,
  ) {
    this.aes = new AesGcmPiiCipher(dataKey);
    this.sm4 = new Sm4PiiCipher(dataKey);
  }

  /** The setting changed (settings.piiCipher): new seals use it, old rows open as before. */
  setCipher(cipher: CipherName): void {
    this.cipher = cipher;
  }

  get sealingWith(): CipherName {
    return this.cipher;
  }

  seal(plain: string): string {
    return this.cipher === 'sm4' ? this.sm4.seal(plain) : this.aes.seal(plain);
  }

  open(sealed: string): string {
    const alg = sealed.split('.', 2)[1];
    if (alg === 'aes256gcm') return this.aes.open(sealed);
    if (alg === SM4_ALG) return this.sm4.open(sealed);
    throw new KeyError('无法识别的加密数据格式。');
  }

  sealBytes(plain: Uint8Array): Buffer {
    return this.cipher === 'sm4' ? this.sm4.sealBytes(plain) : this.aes.sealBytes(plain);
  }

  openBytes(sealed: Uint8Array): Buffer {
    return sealedBytesAlg(sealed) === 'sm4' ? this.sm4.openBytes(sealed) : this.aes.openBytes(sealed);
  }

  lookupHash(value: string): string {
    return this.lookup === 'sm4' ? this.sm4.lookupHash(value) : this.aes.lookupHash(value);
  }
}
