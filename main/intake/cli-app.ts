import { createApp, type App } from '../app/app';
import { CipherName } from '../crypto/cipher-setting';
import { META_LOOKUP } from '../crypto/module';
import { openOnlyCipher } from '../crypto/open-only-cipher';
import { openForReading } from '../db/read-only';
import { inReadSnapshot } from '../db/read-snapshot';
import { CaseQueries } from './case-queries';

/**
 * The CLI's way into the same services the app uses (catalog, intake, cases): a full app over the
 * data folder, closed when `fn` ends. There is no transport: commands call the services directly.
 * A full app writes (migrations, sync, retention), so it holds the data folder's writer lock.
 */
export async function withApp<T>(dataDir: string, fn: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp({ dataDir, mode: 'normal', transport: 'test' });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

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
