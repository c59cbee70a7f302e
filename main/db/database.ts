import fs from 'node:fs';
import path from 'node:path';
import { Kysely, sql, type KyselyConfig, type TransactionBuilder } from 'kysely';
import sqlite3 from 'sqlite3';
import { createLogger } from '../../platform/log/logger';
import { Sqlite3Dialect } from '../../platform/db/dialect';
import { DirectKysely, type ConnectionRunner } from '../../platform/db/direct-transactions';
import { migrate, type Migration } from '../../platform/db/migrator';
import type { ScriptRunner } from '../../platform/db/write-batch';
import { migrations as allMigrations } from './migrations';
import { backgroundCheckReason, lastQuickCheckOk, recordQuickCheck } from './check-policy';
import { checkInBackground, databaseBytes, QUICK_CHECK_AT_OPEN_MAX_BYTES, quickCheckVerdict, type StartCheck } from './start-check';
import type { DB } from './schema';
import { acquireWriterLock } from './writer-lock';

export interface Database {
  db: Kysely<DB>;
  /** The underlying handle, for the backup API. */
  raw: sqlite3.Database;
  file: string;
  /** The quick_check of this start: before it (small files) or still running beside it (large ones). */
  startCheck(): StartCheck;
  close(): Promise<void>;
}

/** Held while a write transaction runs: a shutdown or an update waits for the case being committed. */
export interface WriteGate {
  /** Marks one transaction in flight; the returned function ends it. */
  enter(): () => void;
}

/**
 * Kysely whose every `transaction().execute(…)` holds the write gate while it runs (waiting for the
 * single connection included), whichever subsystem commits. The gate is given to the database
 * owner when it opens; no other code touches `db.transaction`.
 */
class GatedKysely<T> extends DirectKysely<T> {
  readonly #gate: WriteGate;
  constructor(config: KyselyConfig, runner: ConnectionRunner, script: ScriptRunner, gate: WriteGate) {
    super(config, runner, script);
    this.#gate = gate;
  }
  override async writeBatch(statements: readonly string[]): Promise<void> {
    const leave = this.#gate.enter();
    try {
      return await super.writeBatch(statements);
    } finally {
      leave();
    }
  }
  override transaction(): TransactionBuilder<T> {
    const builder = super.transaction();
    const execute = builder.execute.bind(builder);
    const gate = this.#gate;
    builder.execute = async (fn) => {
      const leave = gate.enter();
      try {
        return await execute(fn);
      } finally {
        leave();
      }
    };
    return builder;
  }
}

export class CorruptDatabaseError extends Error {
  constructor(file: string, detail: string) {
    super(`数据库文件损坏（${path.basename(file)}：${detail}）。请联系运维人员从备份恢复；原文件不会被改动。`);
    this.name = 'CorruptDatabaseError';
  }
}

export const DB_FILE = 'yichuang.db';

/**
 * Opens (creating if needed) the window's database for writing: WAL, foreign keys, a quick
 * integrity check (before start up to `quickCheckAtOpenMaxBytes`, after start beyond it:
 * start-check.ts), then migrations. One writer process per data folder: the writer lock is taken
 * first (see writer-lock.ts) and held until `close`. Commands that only read use `openForReading`.
 */
export async function openDatabase(
  fileOrDir: string,
  opts: {
    migrations?: readonly Migration[];
    skipQuickCheck?: boolean;
    writeGate?: WriteGate;
    quickCheckAtOpenMaxBytes?: number;
    /** How long a large file's quick_check waits after open (BACKGROUND_CHECK_DELAY_MS unless given). */
    backgroundCheckDelayMs?: number;
    /** The clock the background check's policy reads (check-policy.ts); tests set it. */
    now?: () => Date;
  } = {},
): Promise<Database> {
  const file = databaseFile(fileOrDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sizeBytes = databaseBytes(file);
  const checkAtOpen = !opts.skipQuickCheck && sizeBytes <= (opts.quickCheckAtOpenMaxBytes ?? QUICK_CHECK_AT_OPEN_MAX_BYTES);
  let startCheck: StartCheck = { mode: 'at-open', state: opts.skipQuickCheck ? 'skipped' : 'ok', detail: null, sizeBytes, ms: null };
  const lock = await acquireWriterLock(file);
  let db: Kysely<DB> | undefined;
  try {
    const raw = await openRaw(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
    db = kyselyOver(raw, opts.writeGate);
    await sql`pragma journal_mode = wal`.execute(db);
    // FULL: in WAL mode NORMAL may lose the last commits on a power cut. A case number shown to the
    // clerk is a promise to a citizen, so every commit reaches the disk before we acknowledge it.
    await sql`pragma synchronous = full`.execute(db);
    await sql`pragma foreign_keys = on`.execute(db);
    await sql`pragma busy_timeout = 5000`.execute(db);
    if (checkAtOpen) {
      const started = performance.now();
      const { rows } = await sql<{ quick_check: string }>`pragma quick_check`.execute(db);
      const verdict = quickCheckVerdict(rows);
      if (verdict !== 'ok') throw new CorruptDatabaseError(file, verdict.slice(0, 200));
      startCheck = { ...startCheck, ms: Math.round(performance.now() - started) };
    }
    const { from, to } = await migrate(db, opts.migrations ?? allMigrations);
    if (from !== to) createLogger('db').info({ from, to }, 'schema migrated');
    const opened = db;
    const now = opts.now ?? (() => new Date());
    // Only a schema with `meta` remembers checks (a partial migration list, in tests, has none).
    const remembers = opts.migrations ? await hasMeta(opened) : true;
    // The at-open check (a small file) is not recorded: it runs at every start anyway, and an open
    // that changes nothing writes nothing (a start refused later, e.g. for a lost key, leaves the file as it was).
    let background: ReturnType<typeof checkInBackground> | null = null;
    if (!checkAtOpen && !opts.skipQuickCheck && remembers) {
      // A large file is read whole only when it may have been damaged since its last good check.
      const lastOk = await lastQuickCheckOk(opened);
      const reason = backgroundCheckReason(lock.uncleanBefore, lastOk, now());
      const log = createLogger('db');
      if (reason) {
        log.info({ reason, lastOk, sizeBytes }, 'background quick_check scheduled');
        background = checkInBackground(file, sizeBytes, log, opts.backgroundCheckDelayMs, (state) => recordQuickCheck(opened, state === 'ok', now()));
      } else startCheck = { mode: 'background', state: 'skipped', detail: `上次正常关闭，且 ${lastOk} 已检查通过（每天最多检查一次）`, sizeBytes, ms: null };
    }
    return {
      db: opened,
      raw,
      file,
      startCheck: () => background?.status() ?? startCheck,
      close: async () => {
        await background?.stop();
        await opened.destroy().finally(() => lock.release());
      },
    };
  } catch (err) {
    await db?.destroy().catch(() => undefined);
    await lock.release();
    if (err instanceof Error && /SQLITE_NOTADB|SQLITE_CORRUPT/.test(err.message)) throw new CorruptDatabaseError(file, err.message);
    throw err;
  }
}

async function hasMeta(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql`select 1 from sqlite_master where type = 'table' and name = 'meta'`.execute(db);
  return rows.length > 0;
}

/** `dir/yichuang.db`, or the file itself when a `.db` file is named. */
export function databaseFile(fileOrDir: string): string {
  return fileOrDir.endsWith('.db') ? fileOrDir : path.join(fileOrDir, DB_FILE);
}

export function openRaw(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(d)));
  });
}

/** Kysely over an open handle; with a write gate, every transaction holds it while it runs. */
export function kyselyOver(raw: sqlite3.Database, writeGate?: WriteGate): Kysely<DB> {
  const log = createLogger('db');
  const dialect = new Sqlite3Dialect({
    database: raw,
    onSlowQuery: (q, ms) => log.warn({ ms: Math.round(ms), sql: q.slice(0, 200) }, 'slow query'),
  });
  const config: KyselyConfig = { dialect };
  return writeGate
    ? new GatedKysely<DB>(config, dialect.runOnConnection, dialect.execOnConnection, writeGate)
    : new DirectKysely<DB>(config, dialect.runOnConnection, dialect.execOnConnection);
}
