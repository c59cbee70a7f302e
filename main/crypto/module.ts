import type { Logger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { SettingsStore } from '../config/settings-store';
import type { Database } from '../db/database';
import { CipherName, ConfiguredPiiCipher } from './cipher-setting';
import { chooseKeyStore, type SafeStorageLike } from './key-store';
import type { PiiCipher } from './pii-cipher';
import { KEY_IN_OS_STORE } from './open-only-cipher';
import { UnavailablePiiCipher } from './unavailable-cipher';

/** meta key fixing the look-up hash algorithm for the life of the database. */
export const META_LOOKUP = 'pii.lookup';

export interface PiiDeps {
  database: Database;
  settings: SettingsStore;
  dataDir: string;
  /** Electron's safeStorage protects the data key; without it a 0600 key file. */
  safeStorage?: SafeStorageLike;
  log: Logger;
  /** Told the cipher setting at start and on each change (the audit chain follows it: SM4 → SM3). */
  onCipherSetting(cipher: CipherName): Promise<void>;
}

/**
 * Builds the PII cipher. A key may be created only for a database that holds no sealed data yet
 * (tracked in meta.pii_sealed, set at the first start). The cipher for new data follows the
 * setting `piiCipher` (aes256gcm | sm4), also when it changes while running; the look-up hash
 * algorithm is fixed when the database is created, so look-ups keep working after a change.
 * The audit chain hashes new entries with SM3 while the cipher is SM4 (each entry names its hash):
 * `onCipherSetting` tells it.
 */
export async function createPii(d: PiiDeps): Promise<Subsystem<PiiCipher>> {
  const db = d.database.db;
  const sealed = await db.selectFrom('meta').select('value').where('key', '=', 'pii_sealed').executeTakeFirst();
  const store = chooseKeyStore(d.dataDir, d.safeStorage);
  if (!store) return { service: new UnavailablePiiCipher(KEY_IN_OS_STORE), close: () => undefined };
  const key = store.load({ allowCreate: !sealed });
  const setting = d.settings.get().piiCipher;
  // A database from before this setting existed hashed with HMAC-SHA256: keep it.
  const lookup = CipherName.safeParse(await ensureMeta(d.database, META_LOOKUP, sealed ? 'aes256gcm' : setting));
  const cipher = new ConfiguredPiiCipher(key, setting, lookup.success ? lookup.data : 'aes256gcm');
  await d.onCipherSetting(setting);
  const unsubscribe = d.settings.onChange((next) => {
    cipher.setCipher(next.piiCipher);
    void d.onCipherSetting(next.piiCipher).catch((err) => d.log.error({ err }, 'could not switch the audit hash'));
  });
  await ensureMeta(d.database, 'pii_sealed', '1');
  return { service: cipher, close: unsubscribe };
}

/** The value of a meta key, writing `initial` first if the key is absent. */
async function ensureMeta(database: Database, key: string, initial: string): Promise<string> {
  await database.db
    .insertInto('meta')
    .values({ key, value: initial })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await database.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
