import { Kysely, type CompiledQuery, type KyselyConfig, type QueryResult, type TransactionBuilder } from 'kysely';
import { runWriteBatch, type ScriptRunner } from './write-batch';

/** Runs a compiled query on the connection of the transaction being executed. */
export type ConnectionRunner = <R>(compiled: CompiledQuery<R>) => Promise<QueryResult<R>>;

/**
 * The statements of one open transaction that go straight to its connection. Kysely runs every
 * statement of a transaction through half a dozen promise layers (executor, connection providers,
 * result plugins); on a hot path (an accept runs about ten) that costs more CPU than SQLite's own
 * work for the row. Statements still run one after another, in the order they were issued.
 */
class OpenTransaction {
  private last: Promise<unknown> | null = null;

  constructor(private readonly runner: ConnectionRunner) {}

  run<R>(compiled: CompiledQuery<R>): Promise<QueryResult<R>> {
    const prev = this.last;
    const p = prev ? prev.then(() => this.runner(compiled), () => this.runner(compiled)) : this.runner(compiled);
    this.last = p;
    const clear = () => {
      if (this.last === p) this.last = null;
    };
    p.then(clear, clear);
    return p;
  }

  /** Resolves once every statement issued has finished (the commit or rollback must not overtake one). */
  settled(): Promise<void> {
    return (this.last ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    );
  }
}

const open = new WeakMap<object, OpenTransaction>();

/**
 * The direct way to run a compiled query on `db` if it is a transaction still executing on a
 * `DirectKysely` (see queryTemplate), else undefined: run it through kysely.
 */
export function directRunner(db: object): (<R>(compiled: CompiledQuery<R>) => Promise<QueryResult<R>>) | undefined {
  const t = open.get(db);
  return t && ((compiled) => t.run(compiled));
}

/**
 * Kysely over a single-connection dialect whose transactions let query templates run their
 * statements straight on the connection (`directRunner`) while the transaction's callback runs.
 * Only without plugins: the direct path does not transform results. A transaction used after its
 * callback has returned is no longer direct, so kysely refuses it as before.
 */
export class DirectKysely<T> extends Kysely<T> {
  readonly #runner: ConnectionRunner | null;
  readonly #script: ScriptRunner | null;

  constructor(config: KyselyConfig, runner: ConnectionRunner, script?: ScriptRunner) {
    super(config);
    this.#runner = config.plugins?.length ? null : runner;
    this.#script = script ?? null;
  }

  /** Whether `writeBatch` can run here (the dialect runs scripts). */
  get batches(): boolean {
    return this.#script !== null;
  }

  /**
   * One write transaction as one script (write-batch.ts), on the connection kysely hands out: no
   * other query or transaction runs on it meanwhile.
   */
  writeBatch(statements: readonly string[]): Promise<void> {
    const script = this.#script;
    if (!script) return Promise.reject(new Error('this database runs no write batches'));
    return this.connection().execute(() => runWriteBatch(script, statements));
  }

  override transaction(): TransactionBuilder<T> {
    const builder = super.transaction();
    const runner = this.#runner;
    if (!runner) return builder;
    const execute = builder.execute.bind(builder);
    builder.execute = (fn) =>
      execute(async (trx) => {
        const t = new OpenTransaction(runner);
        open.set(trx, t);
        try {
          return await fn(trx);
        } finally {
          open.delete(trx);
          await t.settled();
        }
      });
    return builder;
  }
}
