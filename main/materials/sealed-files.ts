import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/contract/errors';

/**
 * The file system at the materials store's boundary, so a test can make a write fail the way a full
 * disk does (ENOSPC) without a small partition.
 */
export interface StoreFs {
  writeFileSync(file: string, data: Uint8Array): void;
}
export const realFs: StoreFs = {
  writeFileSync(file, data) {
    // 'wx': a temporary name is never reused; fsync before the rename makes the content durable.
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      let off = 0;
      while (off < data.byteLength) off += fs.writeSync(fd, data, off, data.byteLength - off);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
};

export const DISK_FULL_MESSAGE = '磁盘空间已满，这一页没有保存（已保存的页和已受理的办件不受影响）。请清理磁盘或联系运维人员后重试。';

/**
 * Writes sealed bytes to `file` so a kill -9 or a full disk leaves either the whole file or none:
 * a temporary file in the same folder, fsync, rename, fsync of the folder. A full disk becomes an
 * AppError with a plain Chinese message; the temporary file is removed.
 */
export function writeAtomic(fsx: StoreFs, file: string, data: Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.tmp-${crypto.randomBytes(8).toString('hex')}`);
  try {
    fsx.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw diskError(err);
  }
  syncDir(dir);
}

/** ENOSPC / EDQUOT as the clerk's message; anything else unchanged. */
export function diskError(err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', DISK_FULL_MESSAGE);
  return err;
}

function syncDir(dir: string): void {
  // Windows cannot open a folder for fsync; its rename is durable enough with the file's own fsync.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes temporary files a killed write left behind (they never had a name anyone reads). */
export function sweepTemporaries(dir: string): number {
  let removed = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.startsWith('.tmp-')) {
      fs.rmSync(path.join(entry.parentPath, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}
