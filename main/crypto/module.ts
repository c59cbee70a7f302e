import type { AppModule } from '../app/modules';
import { META_AUDIT_ALGORITHM } from '../audit/chain';
import type { Database } from '../db/database';
import { CipherName, ConfiguredPiiCipher } from './cipher-setting';
import { chooseKeyStore } from './key-store';
import { KEY_IN_OS_STORE } from './open-only-cipher';
import { UnavailablePiiCipher } from './unavailable-cipher';

/** meta key fixing the look-up hash algorithm for the life of the database. */
export const META_LOOKUP = 'pii.lookup';

/**
 * Builds the PII cipher. A key may be created only for a database that holds no sealed data yet
 * (tracked in meta.pii_sealed, set at the first start). The cipher for new data follows the
 * setting `piiCipher` (aes256gcm | sm4), also when it changes while running; the look-up hash
 * algorithm is fixed when the database is created, so look-ups keep working after a change.
 * The audit chain hashes new entries with SM3 while the cipher is SM4 (each entry names its hash).
 */
export const cryptoModule: AppModule = {
  name: 'crypto',
  async start(s) {
    const db = s.database.db;
    const sealed = await db.selectFrom('meta').select('value').where('key', '=', 'pii_sealed').executeTakeFirst();
    const store = chooseKeyStore(s.options.dataDir, s.options.safeStorage);
    if (!store) {
      s.pii = new UnavailablePiiCipher(KEY_IN_OS_STORE);
      return;
    }
    const key = store.load({ allowCreate: !sealed });
    const setting = s.settings.get().piiCipher;
    // A database from before this setting existed hashed with HMAC-SHA256: keep it.
    const lookup = CipherName.safeParse(await ensureMeta(s.database, META_LOOKUP, sealed ? 'aes256gcm' : setting));
    const cipher = new ConfiguredPiiCipher(key, setting, lookup.success ? lookup.data : 'aes256gcm');
    s.pii = cipher;
    // National algorithms go together: with SM4 for data, new audit entries are chained with SM3.
    await setAuditAlgorithm(s.database, setting);
    const unsubscribe = s.settings.onChange((next) => {
      cipher.setCipher(next.piiCipher);
      void setAuditAlgorithm(s.database, next.piiCipher).catch((err) => s.log.error({ err }, 'could not switch the audit hash'));
    });
    s.closers.push(unsubscribe);
    await ensureMeta(s.database, 'pii_sealed', '1');
  },
};

async function setAuditAlgorithm(database: Database, cipher: CipherName): Promise<void> {
  const value = cipher === 'sm4' ? 'sm3' : 'sha256';
  await database.db
    .insertInto('meta')
    .values({ key: META_AUDIT_ALGORITHM, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
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
