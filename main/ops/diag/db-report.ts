import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { redactDeep, redactText } from '../../../common/domain/mask';
import { DB_FILE } from '../../db/database';

export interface DbReport {
  file: string;
  exists: boolean;
  sizeBytes: number | null;
  /** `pragma quick_check`: 'ok' or the first problems; null when the file could not be opened. */
  check: string | null;
  error: string | null;
  /** Row counts per table (no contents). */
  tables: Record<string, number>;
}

export interface SyncReport {
  outbox: Record<string, number>;
  oldestPendingAt: string | null;
  recentErrors: Array<{ kind: string; attempts: number; lastError: string | null; parkedReason: string | null }>;
  /** meta entries about sync (cursors, enrolment state), values masked. */
  meta: Record<string, unknown>;
}

/**
 * The database check and sync state for a diagnostics bundle, read-only: a diagnostic must not
 * migrate, lock or repair the database it is describing (the app may be running).
 */
export async function readDbReport(dataDir: string): Promise<{ db: DbReport; sync: SyncReport | null }> {
  const file = path.join(dataDir, DB_FILE);
  const db: DbReport = { file, exists: fs.existsSync(file), sizeBytes: null, check: null, error: null, tables: {} };
  if (!db.exists) return { db: { ...db, error: '数据库文件不存在（新窗口或数据目录不对）' }, sync: null };
  db.sizeBytes = fs.statSync(file).size;
  let handle: sqlite3.Database;
  try {
    handle = await new Promise((resolve, reject) => {
      const h = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(h)));
    });
  } catch (err) {
    return { db: { ...db, error: `无法打开数据库：${(err as Error).message}` }, sync: null };
  }
  const all = <T>(q: string, params: unknown[] = []) =>
    new Promise<T[]>((resolve, reject) => handle.all(q, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  try {
    await all('pragma busy_timeout = 3000');
    // One read transaction: the counts and the sync state are of one moment while the app writes.
    await all('begin');
    const check = await all<Record<string, string>>('pragma quick_check(20)');
    db.check = check.map((r) => Object.values(r)[0]).join('; ');
    const tables = await all<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
    for (const { name } of tables) {
      const [row] = await all<{ n: number }>(`select count(*) as n from "${name.replace(/"/g, '""')}"`);
      db.tables[name] = row?.n ?? 0;
    }
    const sync = tables.some((t) => t.name === 'outbox') ? await readSync(all) : null;
    return { db, sync };
  } catch (err) {
    return { db: { ...db, error: redactText(`检查失败：${(err as Error).message}`) }, sync: null };
  } finally {
    handle.close();
  }
}

async function readSync(all: <T>(q: string, p?: unknown[]) => Promise<T[]>): Promise<SyncReport> {
  const byState = await all<{ state: string; n: number }>('select state, count(*) as n from outbox group by state');
  const [oldest] = await all<{ at: string | null }>("select min(created_at) as at from outbox where state = 'pending'");
  const errors = await all<{ kind: string; attempts: number; last_error: string | null; parked_reason: string | null }>(
    "select kind, attempts, last_error, parked_reason from outbox where last_error is not null or state = 'parked' order by seq desc limit 20",
  );
  const meta = await all<{ key: string; value: string }>("select key, value from meta where key like 'sync%' or key like 'enrol%' or key like 'central%'");
  return {
    outbox: Object.fromEntries(byState.map((r) => [r.state, r.n])),
    oldestPendingAt: oldest?.at ?? null,
    recentErrors: errors.map((e) => ({ kind: e.kind, attempts: e.attempts, lastError: e.last_error && redactText(e.last_error), parkedReason: e.parked_reason && redactText(e.parked_reason) })),
    // Tokens and keys never leave the window, whatever their meta key is called.
    meta: Object.fromEntries(meta.map((m) => [m.key, /token|secret|key|password/i.test(m.key) ? '[withheld]' : redactDeep(m.value)])),
  };
}
