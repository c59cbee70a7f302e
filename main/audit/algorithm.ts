import type { Database } from '../db/database';
import { META_AUDIT_ALGORITHM } from './chain';

/** National algorithms go together: with SM4 for personal data, new audit entries are chained with SM3. */
export async function setAuditAlgorithm(database: Database, cipher: 'aes256gcm' | 'sm4'): Promise<void> {
  const value = cipher === 'sm4' ? 'sm3' : 'sha256';
  await database.db
    .insertInto('meta')
    .values({ key: META_AUDIT_ALGORITHM, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
