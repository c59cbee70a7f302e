import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { openCentralStore, renewGeneration, type CentralStore } from './open';
import { CENTRAL_DB_FILE } from './sqlite';

/** Written by `central serve` while it runs, so a restore never swaps the file under a live server. */
export const SERVE_PID_FILE = 'central.pid';

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

/** A consistent copy of the live SQLite central database (VACUUM INTO), written beside and renamed. */
export async function backupCentral(store: CentralStore, file: string): Promise<{ file: string; bytes: number }> {
  if (store.backend !== 'sqlite') throw new RestoreRefusedError('PostgreSQL 中心库请用 pg_dump 备份（见 docs/OPERATIONS.md）。');
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.part`;
  fs.rmSync(tmp, { force: true });
  await sql`vacuum into ${tmp}`.execute(store.db);
  fs.renameSync(tmp, file);
  return { file, bytes: fs.statSync(file).size };
}

export function serverRunning(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, SERVE_PID_FILE), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function checkBackup(file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new RestoreRefusedError(`找不到备份文件：${file}`);
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(d)));
  }).catch((err: Error) => {
    throw new RestoreRefusedError(`备份文件无法打开（${err.message}）：请换一个备份。`);
  });
  const get = (q: string) => new Promise<Record<string, unknown> | undefined>((resolve, reject) => db.get(q, (err, row) => (err ? reject(err) : resolve(row as never))));
  try {
    const check = await get('pragma quick_check');
    if (check?.quick_check !== 'ok') throw new RestoreRefusedError(`备份文件已损坏（${String(check?.quick_check ?? '无法检查')}）：请换一个备份。`);
    const gen = await get(`select value from meta where key = 'generation'`);
    if (!gen) throw new RestoreRefusedError('备份文件不是中心平台的数据库（没有代数记录）：请换一个备份。');
  } catch (err) {
    if (err instanceof RestoreRefusedError) throw err;
    throw new RestoreRefusedError(`备份文件无法读取，或不是中心平台的数据库（${(err as Error).message}）：请换一个备份。`);
  } finally {
    await new Promise((r) => db.close(r));
  }
}

/**
 * Puts a backup in place of the SQLite central database and gives it a NEW generation: the backup
 * lacks what windows delivered after it was taken, and only a generation change makes them offer
 * it again. The database it replaces is kept beside it (`central.db.before-restore-…`), never deleted.
 */
export async function restoreCentral(dataDir: string, backupFile: string, now = new Date()): Promise<{ generation: string; keptAs: string | null }> {
  const pid = serverRunning(dataDir);
  if (pid) throw new RestoreRefusedError(`中心平台服务正在运行（进程 ${pid}）：请先停止它，再恢复备份。`);
  await checkBackup(backupFile);
  const live = path.join(dataDir, CENTRAL_DB_FILE);
  let keptAs: string | null = null;
  if (fs.existsSync(live)) {
    // Fold the WAL into the file first, so the kept copy is one complete file.
    const current = await openCentralStore({ dataDir });
    await sql`pragma wal_checkpoint(truncate)`.execute(current.db);
    await current.close();
    keptAs = `${live}.before-restore-${now.toISOString().replace(/[-:.]/g, '')}`;
    fs.renameSync(live, keptAs);
  }
  for (const side of ['-wal', '-shm']) fs.rmSync(`${live}${side}`, { force: true });
  fs.copyFileSync(backupFile, `${live}.part`);
  fs.renameSync(`${live}.part`, live);
  const store = await openCentralStore({ dataDir });
  try {
    return { generation: await renewGeneration(store.db), keptAs };
  } finally {
    await store.close();
  }
}
