import type { Command } from 'commander';
import type { SettingsStore } from '../../config/settings-store';
import { withRouter } from '../app';
import { CliError, dataDirOf, printJson, wantsJson } from '../util';

export function register(program: Command): void {
  const config = program.command('config').description('本窗口设置（settings.json）');
  config
    .command('get [key]')
    .description('打印全部设置或一项（如 hall.code、update.channel）')
    .option('--json', 'JSON 输出')
    .action(async (key: string | undefined, _opts: unknown, cmd: Command) => {
      const { getPath, SettingsError, SettingsStore } = await import('../../config/settings-store');
      const wrap = wrapping(SettingsError);
      const store = SettingsStore.load(dataDirOf(cmd), { inspectOnly: true });
      reportProblem(store);
      const value = key ? wrap(() => getPath(store.get(), key)) : store.get();
      if (wantsJson(cmd) || typeof value === 'object') printJson(value);
      else process.stdout.write(`${String(value)}\n`);
    });
  config
    .command('set <key> <value>')
    .description('修改一项设置并校验后保存（值按 JSON 解析，否则作为文本），记入审计')
    .action(async (key: string, raw: string, _opts: unknown, cmd: Command) => {
      // Through the router, as the maintenance screen saves it: validated, and audited as the CLI's caller.
      const { getPath, patchForPath, SettingsError } = await import('../../config/settings-store');
      const { SettingsPatch } = await import('../../../common/contract/settings');
      const wrap = wrapping(SettingsError);
      const fits = (v: unknown) => SettingsPatch.safeParse(wrap(() => patchForPath(key, v))).success;
      const value = await withRouter(cmd, async (api) => {
        const { settings } = await api.call('settings.get', undefined);
        const value = parseValue(raw, wrap(() => getPath(settings, key)), fits);
        await api.call('settings.update', { patch: wrap(() => patchForPath(key, value)) as never });
        return value;
      });
      process.stdout.write(`已保存 ${key} = ${JSON.stringify(value)}（正在运行的程序重启后生效）\n`);
    });
  config
    .command('status')
    .description('设置文件是否正常；损坏时说明原因与保留的坏文件')
    .option('--json', 'JSON 输出')
    .action(async (_opts: unknown, cmd: Command) => {
      const { SettingsStore } = await import('../../config/settings-store');
      const status = SettingsStore.load(dataDirOf(cmd), { inspectOnly: true }).status();
      if (wantsJson(cmd)) printJson(status);
      else process.stdout.write(status.problem ? `${status.problem.message}\n` : `正常：${status.file}（${status.source === 'file' ? '来自文件' : '默认设置'}）\n`);
    });
}

/**
 * JSON where it parses (numbers, booleans, null, arrays), but text fields stay text (`hall.code 3301`),
 * also a text field not set yet (null: `queue.token 123456`), told by which of the two the setting takes.
 */
function parseValue(raw: string, current: unknown, fits: (value: unknown) => boolean): unknown {
  if (typeof current === 'string') return raw;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  return typeof parsed !== 'string' && !fits(parsed) && fits(raw) ? raw : parsed;
}

/** Runs fn, turning an error of the (lazily loaded) settings store into a CLI error. */
function wrapping(settingsError: new (...args: never[]) => Error) {
  return <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof settingsError) throw new CliError(err.message, 1);
      throw err;
    }
  };
}

function reportProblem(store: SettingsStore): void {
  const { problem } = store.status();
  if (problem) process.stderr.write(`${problem.message}\n`);
}
