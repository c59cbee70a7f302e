import type { AppModule } from '../app/modules';
import type { Database } from '../db/database';
import { cipherFromEnv, CipherName, ConfiguredPiiCipher } from './cipher-setting';
import { chooseKeyStore } from './key-store';
import { UnavailablePiiCipher } from './unavailable-cipher';

/** meta keys of the crypto settings. */
export const META_CIPHER = 'pii.cipher';
export const META_LOOKUP = 'pii.lookup';

/**
 * Builds the PII cipher. A key may be created only for a database that holds no sealed data yet
 * (tracked in meta.pii_sealed, set by whoever first seals something). The cipher is a setting in
 * meta (`pii.cipher`, first taken from YICHUANG_PII_CIPHER); the look-up hash algorithm is fixed
 * when the database is created, so look-ups keep working if the cipher setting changes later.
 */
export const cryptoModule: AppModule = {
  name: 'crypto',
  async start(s) {
    const db = s.database.db;
    const sealed = await db.selectFrom('meta').select('value').where('key', '=', 'pii_sealed').executeTakeFirst();
    const store = chooseKeyStore(s.options.dataDir, s.options.safeStorage);
    if (!store) {
      s.pii = new UnavailablePiiCipher('数据密钥由桌面程序通过系统密钥库保护，命令行无法读取个人信息。请在一窗程序内操作。');
      return;
    }
    const key = store.load({ allowCreate: !sealed });
    const initial = cipherFromEnv();
    const cipher = CipherName.parse(await ensureMeta(s.database, META_CIPHER, initial));
    const lookup = CipherName.parse(await ensureMeta(s.database, META_LOOKUP, initial));
    s.pii = new ConfiguredPiiCipher(key, cipher, lookup);
    await ensureMeta(s.database, 'pii_sealed', '1');
  },
};

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
