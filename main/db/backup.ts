import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../platform/log/logger';
import type { Database } from './database';

/** node-sqlite3's Backup object (missing from its type definitions). */
interface Sqlite3Backup {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb: (err: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
  readonly pageCount: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

/**
 * Copies the live database to `file` with SQLite's online backup API: a consistent snapshot taken
 * while the window keeps working (pages written meanwhile are re-copied by SQLite). Written to a
 * temporary name and renamed, so a half-written backup never looks like a good one.
 */
export async function backupDatabase(database: Database, file: string): Promise<BackupResult> {
  const started = performance.now();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.part`;
  fs.rmSync(tmp, { force: true });
  const backup = (database.raw as unknown as { backup(file: string): Sqlite3Backup }).backup(tmp);
  try {
    await new Promise<void>((resolve, reject) => {
      let busySince = 0;
      const step = () =>
        backup.step(256, (err) => {
          // SQLite refuses a step while a transaction on the connection is writing (SQLITE_BUSY);
          // node-sqlite3 keeps the backup open for that: try again shortly, for up to a minute.
          const busy = !!err && /^SQLITE_(BUSY|LOCKED)$/.test((err as { code?: string }).code ?? '') && !backup.failed;
          if (!busy) busySince = 0;
          else if (performance.now() - (busySince ||= performance.now()) < 60_000) return void setTimeout(step, 2);
          if (err) return reject(err);
          if (backup.completed) return resolve();
          if (backup.failed) return reject(new Error('backup failed'));
          setImmediate(step); // let intake transactions run between chunks
        });
      step();
    });
  } finally {
    await new Promise<void>((resolve) => backup.finish(() => resolve()));
  }
  const pages = backup.pageCount;
  fs.renameSync(tmp, file);
  return { file, bytes: fs.statSync(file).size, pages, ms: performance.now() - started };
}

export function backupFileName(at: Date): string {
  return `yichuang-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.db`;
}

/** Keeps the newest `keep` backups in `dir`, removes older ones. */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^yichuang-\d{8}-\d{6}\.db$/.test(f))
    .sort()
    .reverse();
  const gone = files.slice(keep);
  for (const f of gone) fs.rmSync(path.join(dir, f), { force: true });
  return gone;
}

export interface BackupSchedule {
  dir: string;
  everyMs: number;
  keep: number;
}

/** Periodic backups while the app runs; one at a time, failures logged and retried next period. */
export function scheduleBackups(database: Database, schedule: BackupSchedule): () => void {
  const log = createLogger('backup');
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const r = await backupDatabase(database, path.join(schedule.dir, backupFileName(new Date())));
      pruneBackups(schedule.dir, schedule.keep);
      log.info({ file: path.basename(r.file), bytes: r.bytes, ms: Math.round(r.ms) }, 'database backed up');
    } catch (err) {
      log.error({ err }, 'scheduled backup failed');
    } finally {
      running = false;
    }
  }, schedule.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Backups every 4 hours (`YICHUANG_BACKUP_HOURS` to change, 0 = off) into `<dataDir>/backups`, keeping 12. Returns how to stop. */
export function startBackupSchedule(database: Database, dataDir: string): () => void {
  const hours = Number(process.env.YICHUANG_BACKUP_HOURS ?? 4);
  if (!(hours > 0)) return () => undefined;
  return scheduleBackups(database, { dir: path.join(dataDir, 'backups'), everyMs: hours * 3600_000, keep: 12 });
}
