import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';

/** Who holds a data folder for writing, as written beside the lock for the refusal message. */
export interface WriterHolder {
  pid: number;
  kind: string;
  since: string;
}

/** Commands that keep working while another process writes (they open the database read-only). */
export const READ_ONLY_COMMANDS = 'db check、db backup、cases list、sync status、sync parked、diag export';

export class DataFolderBusyError extends Error {
  constructor(
    readonly holder: WriterHolder | null,
    readonly folder: string,
  ) {
    const who = holder ? `（进程 ${holder.pid}：${holder.kind}，自 ${holder.since} 起）` : '';
    super(`一窗正在使用此数据文件夹${who}：${folder}。请先关闭一窗或结束该命令，或改用只读命令（${READ_ONLY_COMMANDS}）。`);
    this.name = 'DataFolderBusyError';
  }
}

let writerKind = '一窗程序';
/** What this process is, for the message another writer gets (the CLI names its command). */
export function setWriterKind(kind: string): void {
  writerKind = kind;
}

export interface WriterLock {
  /**
   * The last writer of this folder ended without releasing it (killed, crashed, a power cut): its
   * holder file was still there. The database may have been cut mid-write, so it is worth a check.
   */
  uncleanBefore: boolean;
  release(): Promise<void>;
}

interface Held {
  count: number;
  lock: Promise<{ db: sqlite3.Database; uncleanBefore: boolean }>;
}
// Several openDatabase calls of one process share its lock (SQLite's file locks are per process anyway).
const held = new Map<string, Held>();

/**
 * One writer process per database file. The lock is an OS file lock, not a pid file: a small
 * SQLite file (`yichuang.db.lock`) kept in EXCLUSIVE locking mode by the writer's connection. The
 * OS drops it when the process ends, however it ends (killed, crashed, power cut), so a stale lock
 * cannot exist and its take-over cannot race; a recycled pid cannot keep it either. The holder's
 * pid and kind go to `yichuang.db.lock.json`, for the message, removed by the last release: found
 * when the lock is taken, it says the previous writer did not close (`uncleanBefore`).
 */
export async function acquireWriterLock(dbFile: string): Promise<WriterLock> {
  const lockFile = `${path.resolve(dbFile)}.lock`;
  const infoFile = `${lockFile}.json`;
  let h = held.get(lockFile);
  if (h) h.count++;
  else {
    h = { count: 1, lock: takeOsLock(lockFile, infoFile, path.dirname(lockFile)) };
    held.set(lockFile, h);
  }
  const mine = h;
  let uncleanBefore: boolean;
  try {
    ({ uncleanBefore } = await mine.lock);
  } catch (err) {
    if (held.get(lockFile) === mine) held.delete(lockFile);
    throw err;
  }
  let released = false;
  return {
    uncleanBefore,
    async release() {
      if (released) return;
      released = true;
      if (--mine.count > 0) return;
      held.delete(lockFile);
      fs.rmSync(infoFile, { force: true });
      const { db: lock } = await mine.lock;
      await new Promise<void>((resolve) => lock.close(() => resolve()));
    },
  };
}

async function takeOsLock(lockFile: string, infoFile: string, folder: string): Promise<{ db: sqlite3.Database; uncleanBefore: boolean }> {
  const lock = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(lockFile, (err) => (err ? reject(err) : resolve(d)));
  });
  const run = (q: string) => new Promise<void>((resolve, reject) => lock.run(q, (err) => (err ? reject(err) : resolve())));
  try {
    // No busy timeout: a held lock is an answer, not something to wait for.
    await run('pragma busy_timeout = 0');
    // In EXCLUSIVE locking mode the connection keeps the lock of its first write until it closes.
    await run('pragma locking_mode = exclusive');
    await run('pragma journal_mode = memory');
    await run('create table if not exists writer (pid integer)');
    await run(`insert into writer (pid) values (${process.pid})`);
    await run('delete from writer');
    // The lock is ours: a holder file left now is a writer that ended without releasing it.
    const uncleanBefore = fs.existsSync(infoFile);
    writeHolder(infoFile);
    return { db: lock, uncleanBefore };
  } catch (err) {
    await new Promise<void>((resolve) => lock.close(() => resolve()));
    if (/SQLITE_BUSY|SQLITE_LOCKED/.test((err as Error).message)) throw new DataFolderBusyError(readHolder(infoFile), folder);
    throw err;
  }
}

function writeHolder(infoFile: string): void {
  const holder: WriterHolder = { pid: process.pid, kind: writerKind, since: new Date().toISOString() };
  const tmp = `${infoFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(holder), { mode: 0o600 });
  fs.renameSync(tmp, infoFile);
}

function readHolder(infoFile: string): WriterHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as WriterHolder;
    return Number.isInteger(h.pid) && typeof h.kind === 'string' ? h : null;
  } catch {
    return null;
  }
}
