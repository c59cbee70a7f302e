import type { AppModule } from '../app/modules';
import { loadOrCreateKeyFile } from './key-file';
import { AesGcmPiiCipher } from './pii-cipher';

/**
 * Builds the PII cipher. A key may be created only for a database that holds no sealed data yet
 * (tracked in meta.pii_sealed, set by whoever first seals something).
 */
export const cryptoModule: AppModule = {
  name: 'crypto',
  async start(s) {
    const sealed = await s.database.db.selectFrom('meta').select('value').where('key', '=', 'pii_sealed').executeTakeFirst();
    s.pii = new AesGcmPiiCipher(loadOrCreateKeyFile(s.options.dataDir, { allowCreate: !sealed }));
    await s.database.db
      .insertInto('meta')
      .values({ key: 'pii_sealed', value: '1' })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  },
};
