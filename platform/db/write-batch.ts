import type { CompiledQuery } from 'kysely';
import { inlineParameters } from './sql-literals';

/** Runs a script of statements without parameters on a connection the caller holds (`Database#exec`). */
export type ScriptRunner = (script: string) => Promise<void>;

/**
 * A write transaction as ONE script: `BEGIN IMMEDIATE; …; COMMIT` in a single call to the thread
 * pool instead of one per statement (an accept's eleven statements cost more in round trips than in
 * SQLite's own work). No rows come back, so a batch cannot read what it writes: a caller that needs
 * a value from the database predicts it and checks the prediction inside the batch with
 * `expectation` — a wrong one aborts the batch (`isExpectationFailure`) and nothing is written.
 * On any error the transaction is rolled back and the error rethrown.
 */
export async function runWriteBatch(exec: ScriptRunner, statements: readonly string[]): Promise<void> {
  await ensureExpectView(exec);
  const script = `BEGIN IMMEDIATE;\n${statements.join(';\n')};\nCOMMIT;`;
  try {
    await exec(script);
  } catch (err) {
    // A statement failed (or the commit): the transaction may still be open.
    await exec('ROLLBACK').catch((rollbackErr: Error) => {
      if (!/no transaction is active/i.test(rollbackErr.message)) throw rollbackErr;
    });
    throw err;
  }
}

/** A compiled query as one statement of a batch, its parameters written as literals. */
export function batchStatement(q: Pick<CompiledQuery, 'sql' | 'parameters'>): string {
  return inlineParameters(q.sql, q.parameters);
}

const EXPECTATION_FAILED = 'write-batch: expectation failed';

/**
 * A statement that aborts the batch unless `condition` (an SQL expression; its parameters written
 * as literals) is true (1) when it runs: the INSTEAD OF trigger of a per-connection temp view
 * raises. Temp objects live only in this connection, outside the database file and its schema.
 */
export function expectation(condition: string, parameters: readonly unknown[] = []): string {
  return `INSERT INTO temp.batch_expect (ok) SELECT (${inlineParameters(condition, parameters)})`;
}

export function isExpectationFailure(err: unknown): boolean {
  return err instanceof Error && err.message.includes(EXPECTATION_FAILED);
}

const EXPECT_VIEW = `
CREATE TEMP VIEW IF NOT EXISTS batch_expect (ok) AS SELECT NULL;
CREATE TEMP TRIGGER IF NOT EXISTS batch_expect_check INSTEAD OF INSERT ON batch_expect WHEN NEW.ok IS NOT 1
BEGIN SELECT RAISE(ABORT, '${EXPECTATION_FAILED}'); END;`;

/** The connections (by their script runner) that have the expectation view. */
const withView = new WeakSet<ScriptRunner>();

async function ensureExpectView(exec: ScriptRunner): Promise<void> {
  if (withView.has(exec)) return;
  await exec(EXPECT_VIEW);
  withView.add(exec);
}
