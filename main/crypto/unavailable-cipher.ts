import { KeyError, type PiiCipher } from './pii-cipher';

/**
 * Stands in for the cipher in a process that cannot reach the data key (the CLI when the desktop
 * app keeps the key in the OS key store). Everything that does not touch personal data still works.
 */
export class UnavailablePiiCipher implements PiiCipher {
  constructor(readonly reason: string) {}
  seal(): string {
    throw new KeyError(this.reason);
  }
  open(): string {
    throw new KeyError(this.reason);
  }
  lookupHash(): string {
    throw new KeyError(this.reason);
  }
  sealBytes(): Buffer {
    throw new KeyError(this.reason);
  }
  openBytes(): Buffer {
    throw new KeyError(this.reason);
  }
}
