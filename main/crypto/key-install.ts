import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { keyIdOf } from './key-export';
import { keyFilePath, loadOrCreateKeyFile } from './key-file';
import { SAFE_KEY_FILE, SafeStorageKeyStore, type SafeStorageLike } from './key-store';
import { sealedFit, type SealedFit } from './sealed-scan';

export class KeyImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyImportError';
  }
}

/** The key this data folder holds now: readable, present but under the OS key store, or none. */
type Current = { kind: 'none' } | { kind: 'key'; key: Buffer; files: string[] } | { kind: 'protected'; files: string[] };

export interface InstallResult {
  action: 'installed' | 'replaced' | 'unchanged';
  keyId: string;
  /** The replaced key's id; 'protected' when the OS key store kept it from this process. */
  previousKeyId: string | null;
  /** Where the replaced key was kept (never deleted: a backup may still need it). */
  keptAs: string[];
  /** Sealed values in the database and how many the imported key opens; null without a database. */
  fit: SealedFit | null;
  /** Where the key now lives and how it is protected. */
  store: string;
}

/**
 * Installs an imported data key in a data folder, protected like the app would protect it: under
 * safeStorage when `safe` is given (the Electron app), else as the 0600 key file (browser host, CLI;
 * the desktop app moves that file under the OS key store at its next start).
 *
 * Refuses, leaving everything as it was:
 * - a key that opens none of the database's sealed data (it belongs to another window);
 * - a different existing key, unless `replace`;
 * - with `replace`, when any sealed data opens with the existing key (it would become unreadable),
 *   or, when the existing key cannot be read here (OS key store from the CLI), when any sealed value
 *   does not open with the imported key (it may be the existing key's).
 * The app must not be running: it keeps the key it started with.
 */
export async function installDataKey(dataDir: string, key: Buffer, opts: { replace: boolean; database: Database | null; safe?: SafeStorageLike }): Promise<InstallResult> {
  const keyId = keyIdOf(key);
  const current = readCurrent(dataDir, opts.safe);
  const fit = opts.database ? await sealedFit(opts.database, key) : null;
  const store = opts.safe ? path.join(dataDir, 'keys', SAFE_KEY_FILE) : keyFilePath(dataDir);
  const result = { keyId, fit, store, keptAs: [] as string[] };
  if (current.kind === 'key' && current.key.equals(key)) return { ...result, action: 'unchanged', previousKeyId: keyId };
  if (fit && fit.total > 0 && fit.opened === 0)
    throw new KeyImportError(`导入的密钥（编号 ${keyId}）解不开数据库中的任何一条个人信息（共 ${fit.total} 条）：它不是这个数据库的密钥。请确认数据库和密钥文件来自同一个窗口。未做任何改动。`);
  const previousKeyId = current.kind === 'key' ? keyIdOf(current.key) : current.kind === 'protected' ? 'protected' : null;
  if (current.kind !== 'none') {
    const which = current.kind === 'key' ? `编号 ${previousKeyId}` : '受系统密钥库保护，命令行无法读出';
    if (!opts.replace) throw new KeyImportError(`本窗口已有另一把数据密钥（${which}），导入的是编号 ${keyId}。如确认要换成导入的密钥，请加 --replace（只有在数据库中没有用现有密钥加密的数据时才会执行）。未做任何改动。`);
    await refuseIfStranded(current, opts.database, fit);
  }
  if (current.kind !== 'none') result.keptAs = retire(current.files);
  try {
    writeKey(dataDir, key, opts.safe);
  } catch (err) {
    result.keptAs.forEach((kept, i) => fs.renameSync(kept, (current as { files: string[] }).files[i]!));
    throw err;
  }
  return { ...result, action: current.kind === 'none' ? 'installed' : 'replaced', previousKeyId };
}

function readCurrent(dataDir: string, safe?: SafeStorageLike): Current {
  const plain = keyFilePath(dataDir);
  const safeFile = path.join(dataDir, 'keys', SAFE_KEY_FILE);
  const files = [plain, safeFile].filter((f) => fs.existsSync(f));
  if (!files.length) return { kind: 'none' };
  try {
    if (fs.existsSync(safeFile)) return safe ? { kind: 'key', key: new SafeStorageKeyStore(dataDir, safe).load({ allowCreate: false }), files } : { kind: 'protected', files };
    return { kind: 'key', key: loadOrCreateKeyFile(dataDir, { allowCreate: false }), files };
  } catch {
    // Damaged or unreadable here: treated like a key we cannot check, so nothing it sealed is lost.
    return { kind: 'protected', files };
  }
}

async function refuseIfStranded(current: Exclude<Current, { kind: 'none' }>, database: Database | null, fit: SealedFit | null): Promise<void> {
  if (!database || !fit) return;
  if (current.kind === 'key') {
    const mine = await sealedFit(database, current.key, { stopAtFirst: true });
    if (mine.opened > 0)
      throw new KeyImportError('不能替换：数据库中已有用本机现有密钥加密的个人信息，替换后这些数据将无法打开。请先同步并按运维手册处理，或在原窗口导出本机密钥备用。未做任何改动。');
  } else if (fit.opened < fit.total) {
    throw new KeyImportError(
      `不能替换：本机现有密钥无法在此核对（受系统密钥库保护或已损坏），而数据库中有 ${fit.total - fit.opened} 条加密数据用导入的密钥解不开，可能属于现有密钥。未做任何改动。`,
    );
  }
}

/** Renames the replaced key files aside (`….replaced-<time>`); returns the new names. */
function retire(files: string[]): string[] {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return files.map((f) => {
    const to = `${f}.replaced-${stamp}`;
    fs.renameSync(f, to);
    return to;
  });
}

function writeKey(dataDir: string, key: Buffer, safe?: SafeStorageLike): void {
  const file = keyFilePath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  // Under safeStorage the store itself moves the file under protection and removes the plain copy.
  const back = safe ? new SafeStorageKeyStore(dataDir, safe).load({ allowCreate: false }) : loadOrCreateKeyFile(dataDir, { allowCreate: false });
  if (!back.equals(key)) throw new KeyImportError('写入数据密钥后读回不一致。请检查磁盘后重试。');
}
