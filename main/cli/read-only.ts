import { CipherName } from '../crypto/cipher-setting';
import { META_LOOKUP } from '../crypto/module';
import { openOnlyCipher } from '../crypto/open-only-cipher';
import { openForReading } from '../db/read-only';
import { inReadSnapshot } from '../db/read-snapshot';
import { CaseQueries } from '../intake/case-queries';

/**
 * The read side of cases over a read-only connection (no writer lock, so `cases list` works while
 * the app runs), in one snapshot so a count and the pages it describes agree.
 */
export async function withCaseQueries<T>(dataDir: string, fn: (cases: CaseQueries) => Promise<T>): Promise<T> {
  const database = await openForReading(dataDir);
  try {
    return await inReadSnapshot(database.db, async (db) => {
      const lookup = await db.selectFrom('meta').select('value').where('key', '=', META_LOOKUP).executeTakeFirst();
      const parsed = CipherName.safeParse(lookup?.value);
      return fn(new CaseQueries(db, openOnlyCipher(dataDir, parsed.success ? parsed.data : undefined)));
    });
  } finally {
    await database.close();
  }
}
