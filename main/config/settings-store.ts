import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { SettingsPatch, SettingsSchema, type Settings, type SettingsStatus } from '../../common/contract/settings';

export const SETTINGS_FILE = 'settings.json';
const BAD_SUFFIX = '.bad-';

/** A settings change that does not validate: the Chinese message names the field and the rule. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

type Listener = (next: Settings, prev: Settings) => void;

/**
 * One window's settings file. Loading never throws: an unreadable or invalid file is moved aside to
 * `settings.json.bad-<time>`, safe defaults are used and `status().problem` says what happened, so
 * a bad edit can never put the app into a crash loop. The problem stays reported (also on later
 * starts) until maintenance saves valid settings.
 */
export class SettingsStore {
  private settings: Settings;
  private state: SettingsStatus;
  private readonly listeners = new Set<Listener>();

  private constructor(readonly file: string, settings: Settings, state: SettingsStatus) {
    this.settings = settings;
    this.state = state;
  }

  /** `inspectOnly` (CLI reads): report a bad file but leave it where it is. */
  static load(dataDir: string, opts: { inspectOnly?: boolean; now?: () => Date } = {}): SettingsStore {
    const file = path.join(dataDir, SETTINGS_FILE);
    const at = (opts.now ?? (() => new Date()))().toISOString();
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        const problem = { code: 'config.problem' as const, message: `无法读取设置文件 ${file}（${(err as Error).message}），已使用安全的默认设置。请检查文件权限。`, badFile: null, at };
        return new SettingsStore(file, defaultSettings(), { file, source: 'defaults', problem });
      }
      return new SettingsStore(file, defaultSettings(), { file, source: 'defaults', problem: earlierProblem(file, at) });
    }
    const parsed = parseSettingsText(raw);
    if (parsed.ok) return new SettingsStore(file, parsed.settings, { file, source: 'file', problem: null });
    const badFile = opts.inspectOnly ? null : moveAside(file, at);
    const kept = opts.inspectOnly ? '文件未改动' : badFile ? `原文件已保留为 ${path.basename(badFile)}` : '原文件无法移走，仍在原处';
    const message = `设置文件有误：${parsed.reason}。已使用安全的默认设置启动；${kept}。请由运维人员在“设置”中重新填写并保存。`;
    return new SettingsStore(file, defaultSettings(), { file, source: 'defaults', problem: { code: 'config.problem', message, badFile, at } });
  }

  get(): Settings {
    return structuredClone(this.settings);
  }

  status(): SettingsStatus {
    return structuredClone(this.state);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Validates the patch and the merged result, writes the file atomically, then notifies. */
  update(patch: unknown): Settings {
    const p = SettingsPatch.safeParse(patch);
    if (!p.success) throw new SettingsError(`设置无效：${describe(p.error)}`);
    const merged: Record<string, unknown> = { ...this.settings };
    for (const [key, value] of Object.entries(p.data)) {
      const current = merged[key];
      merged[key] = isPlainObject(value) && isPlainObject(current) ? { ...current, ...value } : value;
    }
    const next = SettingsSchema.safeParse(merged);
    if (!next.success) throw new SettingsError(`设置无效：${describe(next.error)}`);
    writeAtomically(this.file, JSON.stringify(next.data, null, 2) + '\n');
    const prev = this.settings;
    this.settings = next.data;
    this.state = { file: this.file, source: 'file', problem: null };
    for (const l of this.listeners) {
      try {
        l(this.get(), prev);
      } catch {
        // A listener's failure must not undo a saved change.
      }
    }
    return this.get();
  }
}

export function parseSettingsText(raw: string): { ok: true; settings: Settings } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, '')); // Notepad on Windows saves UTF-8 with a BOM
  } catch (err) {
    return { ok: false, reason: `不是有效的 JSON（${(err as Error).message}）` };
  }
  if (!isPlainObject(json)) return { ok: false, reason: '顶层必须是一个对象 {…}' };
  const parsed = SettingsSchema.safeParse(json);
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, reason: describe(parsed.error) };
}

/** Reads a dotted path (`update.channel`) of the settings. */
export function getPath(settings: Settings, key: string): unknown {
  let v: unknown = settings;
  for (const part of key.split('.')) {
    if (!isPlainObject(v) || !Object.hasOwn(v, part)) throw new SettingsError(`没有这个设置项：${key}`);
    v = v[part];
  }
  return v;
}

/** A patch that sets one dotted path (`hall.code`, `lockTimeoutMinutes`) to a value. */
export function patchForPath(key: string, value: unknown): Record<string, unknown> {
  const parts = key.split('.');
  if (parts.length > 2 || !Object.hasOwn(SettingsSchema.shape, parts[0]!)) throw new SettingsError(`没有这个设置项：${key}`);
  return parts.length === 1 ? { [parts[0]!]: value } : { [parts[0]!]: { [parts[1]!]: value } };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(整体)'}：${i.message}`)
    .join('；');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function moveAside(file: string, at: string): string | null {
  const bad = `${file}${BAD_SUFFIX}${at.replace(/[:.]/g, '-')}`;
  try {
    fs.renameSync(file, bad);
    return bad;
  } catch {
    return null;
  }
}

/** With no settings file but a kept bad copy, the earlier problem is still unresolved. */
function earlierProblem(file: string, at: string): SettingsStatus['problem'] {
  const dir = path.dirname(file);
  let bad: string[];
  try {
    bad = fs.readdirSync(dir).filter((f) => f.startsWith(path.basename(file) + BAD_SUFFIX)).sort();
  } catch {
    return null;
  }
  const last = bad.at(-1);
  if (!last) return null;
  return {
    code: 'config.problem',
    message: `设置文件曾经损坏（已保留为 ${last}），目前使用默认设置。请由运维人员在“设置”中重新填写并保存。`,
    badFile: path.join(dir, last),
    at,
  };
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
