import { ConfiguredPiiCipher, type CipherName } from './cipher-setting';
import { chooseKeyStore } from './key-store';
import type { PiiCipher } from './pii-cipher';
import { UnavailablePiiCipher } from './unavailable-cipher';

export const KEY_IN_OS_STORE = '数据密钥由桌面程序通过系统密钥库保护，命令行无法读取个人信息。请在一窗程序内操作。';

/**
 * A cipher for a command-line run that must open what the app sealed (sync sending applicants to
 * the central): the key file of the data folder, never a new key. Where the desktop app keeps the
 * key in the OS key store, or there is no key, it says so instead of opening. `lookup` is the
 * database's look-up hash algorithm (meta `pii.lookup`), for commands that search by name or number.
 */
export function openOnlyCipher(dataDir: string, lookup: CipherName = 'aes256gcm'): PiiCipher {
  const store = chooseKeyStore(dataDir);
  if (!store) return new UnavailablePiiCipher(KEY_IN_OS_STORE);
  try {
    // Opening reads the algorithm from each sealed value; the sealing setting does not matter here.
    return new ConfiguredPiiCipher(store.load({ allowCreate: false }), 'aes256gcm', lookup);
  } catch (err) {
    return new UnavailablePiiCipher((err as Error).message);
  }
}
