// The `keys` commands' work, loaded only when one of them runs (keys.ts registers them).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SettingsStore } from '../../config/settings-store';
import { KeyExportError, keyIdOf, readKeyExportHeader, unwrapDataKey, wrapDataKey } from '../../crypto/key-export';
import { installDataKey, KeyImportError } from '../../crypto/key-install';
import { chooseKeyStore, SAFE_KEY_FILE } from '../../crypto/key-store';
import { sealedFit, type SealedFit } from '../../crypto/sealed-scan';
import { DB_FILE, openDatabase, type Database } from '../../db/database';
import { CliError, dataDirOf, printJson, wantsJson } from '../util';
import { checkNewPassphrase, readPassphrase } from './keys-passphrase';

const PROTECTED_BY_APP = '数据密钥由桌面程序通过系统密钥库（Windows DPAPI / libsecret）保护，命令行无法读取。请在一窗程序内导出：运维 → 数据密钥。';

/** `keys export`: the local key wrapped with a passphrase, written to a new file and read back. */
export async function exportKey(opts: { to: string; passphraseFile?: string }, cmd: Command): Promise<void> {
    const dataDir = dataDirOf(cmd);
    const key = loadLocalKey(dataDir);
    const passphrase = await readPassphrase({ file: opts.passphraseFile, confirm: true });
    checkNewPassphrase(passphrase);
    const { hall, window } = SettingsStore.load(dataDir, { inspectOnly: true }).get();
    const started = performance.now();
    const text = await wrapDataKey(key, passphrase, { hall: hall.code || null, window: window.code || null });
    const seconds = (performance.now() - started) / 1000;
    const file = path.resolve(opts.to);
    try {
      fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      const exists = (err as NodeJS.ErrnoException).code === 'EEXIST';
      throw new CliError(exists ? `文件已存在：${file}。请换一个文件名（不会覆盖）。` : `无法写入 ${file}：${(err as Error).message}`, 1);
    }
    readKeyExportHeader(fs.readFileSync(file, 'utf8')); // read back: a failing stick shows here, not on the new PC
    const keyId = keyIdOf(key);
    if (wantsJson(cmd)) printJson({ file, keyId, seconds: round(seconds) });
    else
      process.stdout.write(
        `已导出数据密钥（编号 ${keyId}）到 ${file}（用时 ${round(seconds)} 秒）。\n` +
          '请把文件和口令分开保管、分开传递；导入后删除 U 盘上的文件。\n',
      );
}

/** `keys import`: unwrap an exported key and install it (refusing one that would orphan sealed data). */
export async function importKey(opts: { from: string; passphraseFile?: string; replace?: boolean }, cmd: Command): Promise<void> {
    const dataDir = dataDirOf(cmd);
    let text: string;
    try {
      text = fs.readFileSync(opts.from, 'utf8');
    } catch (err) {
      throw new CliError(`无法读取密钥文件 ${opts.from}：${(err as Error).message}`, 1);
    }
    // A damaged file says so before anyone types a passphrase.
    await keyErrors(async () => readKeyExportHeader(text));
    const passphrase = await readPassphrase({ file: opts.passphraseFile, confirm: false });
    const started = performance.now();
    const { key, header } = await keyErrors(() => unwrapDataKey(text, passphrase));
    const seconds = (performance.now() - started) / 1000;
    const r = await withDatabaseIfPresent(dataDir, (database) => keyErrors(() => installDataKey(dataDir, key, { replace: Boolean(opts.replace), database })));
    if (wantsJson(cmd)) return printJson({ ...r, from: { hall: header.hall, window: header.window, createdAt: header.createdAt }, seconds: round(seconds) });
    const what = { installed: '已导入', replaced: '已替换为', unchanged: '本机已是' }[r.action];
    process.stdout.write(`${what}数据密钥（编号 ${r.keyId}，导出自 ${[header.hall, header.window].filter(Boolean).join(' ') || '未设置编码的窗口'}，${header.createdAt}）：${r.store}\n`);
    if (r.keptAs.length) process.stdout.write(`原密钥已保留为：${r.keptAs.join('、')}\n`);
    process.stdout.write(`${fitText(r.fit)}\n`);
    process.stdout.write('使用桌面程序的窗口：下次启动一窗时，密钥会自动转入系统密钥库保护。\n');
}

/** `keys status`: which key this folder holds and whether it opens the sealed applicants. */
export async function keyStatus(_o: unknown, cmd: Command): Promise<void> {
    const dataDir = dataDirOf(cmd);
    const store = chooseKeyStore(dataDir);
    const protectedKey = !store;
    const key = store && fs.existsSync(store.description) ? loadLocalKey(dataDir) : null;
    const fit = key ? await withDatabaseIfPresent(dataDir, (db) => (db ? sealedFit(db, key) : Promise.resolve(null))) : null;
    const out = { keyId: key ? keyIdOf(key) : null, protectedByApp: protectedKey, file: store?.description ?? path.join(dataDir, 'keys', SAFE_KEY_FILE), fit };
    if (wantsJson(cmd)) return printJson(out);
    if (protectedKey) process.stdout.write(`${PROTECTED_BY_APP}\n`);
    else if (!key) process.stdout.write(`本窗口还没有数据密钥（${out.file}）。\n`);
    else process.stdout.write(`数据密钥编号 ${out.keyId}（${out.file}）\n${fitText(fit)}\n`);
}

/** The key of the browser host / CLI key file; the desktop app's protected key is out of reach here. */
function loadLocalKey(dataDir: string): Buffer {
  const store = chooseKeyStore(dataDir);
  if (!store) throw new CliError(PROTECTED_BY_APP, 1);
  if (!fs.existsSync(store.description)) throw new CliError(`本窗口还没有数据密钥（${store.description}），无需导出。`, 1);
  try {
    return store.load({ allowCreate: false });
  } catch (err) {
    throw new CliError((err as Error).message, 1);
  }
}

/** The window's database when the folder has one (a fresh PC may get its key before its database). */
async function withDatabaseIfPresent<T>(dataDir: string, fn: (database: Database | null) => Promise<T>): Promise<T> {
  if (!fs.existsSync(path.join(dataDir, DB_FILE))) return fn(null);
  const database = await openDatabase(dataDir);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function keyErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof KeyExportError || err instanceof KeyImportError) throw new CliError(err.message, 1);
    throw err;
  }
}

function fitText(fit: SealedFit | null): string {
  if (!fit) return '数据目录中还没有数据库：放入数据库后，可用 yichuang keys status 核对。';
  if (fit.total === 0) return '数据库中还没有加密的个人信息。';
  if (fit.opened === fit.total) return `此密钥能解开数据库中全部 ${fit.total} 条加密的个人信息。`;
  return `注意：数据库中 ${fit.total} 条加密的个人信息，此密钥只能解开 ${fit.opened} 条；其余的需要原来的密钥。`;
}

const round = (s: number) => Math.round(s * 100) / 100;
