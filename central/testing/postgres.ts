import crypto from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: `YICHUANG_TEST_PG_URL` names a server and a role allowed to create
 * databases (`.ci/run` starts Debian's cluster and sets it). Each test gets a database of its own.
 */
export const TEST_PG_URL = process.env.YICHUANG_TEST_PG_URL?.trim() || '';
export const PG_SKIP_REASON = 'PostgreSQL suite SKIPPED — set YICHUANG_TEST_PG_URL=postgres://user:pass@host/db (a role with CREATEDB) to run it';

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  /** Drops it and creates it again empty: a central "restored" to nothing. */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server; `drop()` removes it (closing what is left connected). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_PG_URL) throw new Error(PG_SKIP_REASON);
  const name = `yc_test_${crypto.randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const drop = async () => {
    // FORCE ends the sessions still connected; an autovacuum worker busy on the fresh rows may
    // refuse (without pg_signal_backend) and ends on its own: try again a little later.
    for (let attempt = 1; ; attempt++) {
      try {
        return void (await admin((c) => c.query(`drop database if exists ${name} with (force)`)));
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  };
  return {
    url: url.toString(),
    drop,
    reset: () => drop().then(() => admin((c) => c.query(`create database ${name}`))).then(() => undefined),
  };
}
