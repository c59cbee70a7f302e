import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KeyError } from './pii-cipher';

/** The plain key file of a data folder (the desktop app moves it under the OS key store). */
export const keyFilePath = (dataDir: string) => path.join(dataDir, 'keys', 'data.key');

/**
 * The data key for the browser host and the CLI: a 0600 file under the data folder. (The Electron
 * build protects the same key with safeStorage instead.) A missing key with existing sealed data is
 * an error, never a silent new key: that would make every stored record unreadable.
 */
export function loadOrCreateKeyFile(dataDir: string, opts: { allowCreate: boolean }): Buffer {
  const file = keyFilePath(dataDir);
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new KeyError(`数据密钥文件已损坏（${file}）。请从备份恢复密钥文件，切勿删除数据库。`);
    return key;
  }
  if (!opts.allowCreate)
    throw new KeyError(`找不到数据密钥（${file}），但数据库中已有加密的个人信息。请从备份恢复密钥文件后重新启动；数据库未被改动。`);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
