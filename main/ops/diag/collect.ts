import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redactDeep, redactText } from '../../../common/domain/mask';
import type { DeviceStatus, FrameRecord, RawPortInfo } from '../../../native/devices';
import { appRoot } from '../../config/paths';
import { SettingsStore } from '../../config/settings-store';
import { logDir } from '../../../platform/log/logger';
import { readDbReport } from './db-report';
import { redactFrameHex } from './pii-scan';

/** What a diagnostics bundle can draw on. The app passes its live devices; the CLI has none. */
export interface DiagSources {
  dataDir: string;
  appVersion: string;
  devices?: { list(): DeviceStatus[]; frames(id: string): Promise<FrameRecord[] | null> | FrameRecord[] | null };
  listPorts?: () => Promise<RawPortInfo[]>;
  /** Newest log bytes to include (whole files, newest first). */
  maxLogBytes?: number;
  now?: () => Date;
}

export interface DiagEntry {
  name: string;
  text: string;
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const NATIVE_MODULES = ['sqlite3', 'serialport', '@serialport/bindings-cpp', 'node-hid', 'electron-updater'];

/** Everything that goes into the bundle, already redacted. */
export async function collectDiagnostics(src: DiagSources): Promise<DiagEntry[]> {
  const now = (src.now ?? (() => new Date()))();
  const store = SettingsStore.load(src.dataDir, { inspectOnly: true });
  const settings = store.get();
  const { db, sync } = await readDbReport(src.dataDir);
  const entries: DiagEntry[] = [
    // Settings hold no personal data by design; masking every string still catches a pasted one.
    // The queue token is a secret: the bundle says whether one is set, never what it is.
    { name: 'config/settings.json', text: redactText(json({ settings: { ...settings, queue: { ...settings.queue, token: settings.queue.token === null ? null : '(已设置，未导出)' } }, status: store.status() })) },
    { name: 'versions.json', text: json(versions(src.appVersion)) },
    { name: 'devices.json', text: json(redactDeep(await deviceTable(src, settings.devices))) },
    { name: 'db-check.json', text: json(db) },
    { name: 'sync-state.json', text: json(sync ?? { note: '没有同步数据（数据库不存在或无法读取，见 db-check.json）' }) },
    ...(await frameEntries(src)),
    ...logEntries(src.dataDir, src.maxLogBytes ?? 8 * 1024 * 1024),
  ];
  const manifest = {
    createdAt: now.toISOString(),
    appVersion: src.appVersion,
    dataDir: src.dataDir,
    hall: settings.hall.code || null,
    window: settings.window.code || null,
    contents: entries.map((e) => ({ name: e.name, bytes: Buffer.byteLength(e.text) })),
    note: '个人信息已脱敏：身份证号、手机号已遮盖，姓名、住址、照片等字段已去除，读卡数据帧只保留帧头。',
  };
  return [{ name: 'manifest.json', text: json(manifest) }, ...entries];
}

function versions(appVersion: string) {
  const modules: Record<string, string | null> = {};
  for (const m of NATIVE_MODULES) {
    try {
      modules[m] = (JSON.parse(fs.readFileSync(path.join(appRoot(), 'node_modules', m, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      modules[m] = null;
    }
  }
  return {
    app: appVersion,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    napi: process.versions.napi,
    platform: process.platform,
    arch: process.arch,
    os: `${os.type()} ${os.release()}`,
    modules,
  };
}

async function deviceTable(src: DiagSources, configured: unknown) {
  let ports: RawPortInfo[] = [];
  let portListingError: string | null = null;
  try {
    ports = await (src.listPorts ?? (async () => (await import('serialport')).SerialPort.list()))();
  } catch (err) {
    portListingError = `无法列出串口：${(err as Error).message}`;
  }
  return { configured, live: src.devices?.list() ?? null, liveNote: src.devices ? null : '命令行导出：设备实时状态只在程序运行时可得', ports, portListingError };
}

async function frameEntries(src: DiagSources): Promise<DiagEntry[]> {
  if (!src.devices) return [{ name: 'frames/README.txt', text: '帧日志保存在运行中程序的内存里；命令行导出不含帧日志。请在程序内由运维角色导出诊断包以包含帧日志。\n' }];
  const out: DiagEntry[] = [];
  for (const d of src.devices.list()) {
    const frames = (await src.devices.frames(d.id)) ?? [];
    out.push({ name: `frames/${d.id.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`, text: json(frames.map((f) => ({ ...f, hex: redactFrameHex(f.hex) }))) });
  }
  return out;
}

/** The newest log files (rotated ones too), every line re-redacted: the logger masks, this checks. */
function logEntries(dataDir: string, maxBytes: number): DiagEntry[] {
  const dir = logDir(dataDir);
  let files: Array<{ name: string; mtime: number; size: number }>;
  try {
    files = fs
      .readdirSync(dir)
      .filter((f) => /\.log(\.\d+)?$/.test(f) || /\.log$/.test(f))
      .map((f) => {
        const st = fs.statSync(path.join(dir, f));
        return { name: f, mtime: st.mtimeMs, size: st.size };
      })
      .sort((a, b) => b.mtime - a.mtime);
  } catch {
    return [{ name: 'logs/README.txt', text: `没有日志目录：${dir}\n` }];
  }
  const out: DiagEntry[] = [];
  let budget = maxBytes;
  for (const f of files) {
    if (budget <= 0) break;
    let text = fs.readFileSync(path.join(dir, f.name), 'utf8');
    if (text.length > budget) text = text.slice(text.length - budget).replace(/^[^\n]*\n/, ''); // newest part, whole lines
    budget -= text.length;
    out.push({ name: `logs/${f.name}`, text: text.split('\n').map(redactLine).join('\n') });
  }
  return out;
}

function redactLine(line: string): string {
  if (!line.startsWith('{')) return redactText(line);
  try {
    return JSON.stringify(redactDeep(JSON.parse(line)));
  } catch {
    return redactText(line);
  }
}
