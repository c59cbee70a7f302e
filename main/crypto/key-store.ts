import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keyFilePath, loadOrCreateKeyFile } from './key-file';
import { KeyError } from './pii-cipher';

/**
 * Where the 32-byte data key lives and how it is protected. The browser host and the CLI use a 0600
 * key file; the Electron build passes a SafeStorageKeyStore (DPAPI / Keychain / libsecret).
 */
export interface DataKeyStore {
  /** Shown in errors and `db check`: where the key is expected. */
  readonly description: string;
  /**
   * The key, a new one when none exists and `allowCreate` (no sealed data yet), else a KeyError
   * saying what to restore. Never silently a new key for existing data.
   */
  load(opts: { allowCreate: boolean }): Buffer;
}

export class KeyFileStore implements DataKeyStore {
  readonly description: string;
  constructor(private readonly dataDir: string) {
    this.description = keyFilePath(dataDir);
  }
  load(opts: { allowCreate: boolean }): Buffer {
    return loadOrCreateKeyFile(this.dataDir, opts);
  }
}

/** The part of Electron's `safeStorage` we use; main/electron passes the real one. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const SAFE_KEY_FILE = 'data.key.safe';

/**
 * The data key encrypted by the OS key store (safeStorage) in `<dataDir>/keys/data.key.safe`.
 * A plain key file left by the browser host or an older version is moved under protection on first
 * use (the plain file is removed only after the protected copy reads back the same key).
 */
export class SafeStorageKeyStore implements DataKeyStore {
  readonly description: string;
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly safe: SafeStorageLike,
  ) {
    this.file = path.join(dataDir, 'keys', SAFE_KEY_FILE);
    this.description = `${this.file}（系统密钥库保护）`;
  }

  load(opts: { allowCreate: boolean }): Buffer {
    if (!this.safe.isEncryptionAvailable())
      throw new KeyError('系统密钥库不可用，无法读取数据密钥。请确认已登录 Windows 用户账户（或桌面密钥环已解锁）后重新启动。');
    if (fs.existsSync(this.file)) return this.read();
    const plainFile = keyFilePath(this.dataDir);
    const plainExists = fs.existsSync(plainFile);
    if (!plainExists && !opts.allowCreate)
      throw new KeyError(`找不到数据密钥（${this.file}），但数据库中已有加密的个人信息。请从备份恢复密钥后重新启动；数据库未被改动。`);
    const key = plainExists ? loadOrCreateKeyFile(this.dataDir, { allowCreate: false }) : crypto.randomBytes(32);
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.file, this.safe.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
    if (!this.read().equals(key)) throw new KeyError('系统密钥库保存数据密钥失败（读回不一致）。');
    if (plainExists) fs.rmSync(plainFile);
    return key;
  }

  private read(): Buffer {
    let key: Buffer;
    try {
      key = Buffer.from(this.safe.decryptString(fs.readFileSync(this.file)).trim(), 'base64');
    } catch {
      throw new KeyError(`系统密钥库无法解开数据密钥（${this.file}）：可能换了 Windows 用户或重装了系统。请从备份恢复密钥。`);
    }
    if (key.length !== 32) throw new KeyError(`数据密钥已损坏（${this.file}）。请从备份恢复密钥，切勿删除数据库。`);
    return key;
  }
}

/**
 * The store for a process: safeStorage when Electron hands it in, else the key file. A CLI run
 * against a data folder whose key is under safeStorage gets `null`: it can do everything but read
 * personal data (the caller installs a cipher that says so).
 */
export function chooseKeyStore(dataDir: string, safe?: SafeStorageLike): DataKeyStore | null {
  if (safe) return new SafeStorageKeyStore(dataDir, safe);
  const plain = keyFilePath(dataDir);
  const protectedFile = path.join(dataDir, 'keys', SAFE_KEY_FILE);
  if (!fs.existsSync(plain) && fs.existsSync(protectedFile)) return null;
  return new KeyFileStore(dataDir);
}
