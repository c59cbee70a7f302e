import type { Command } from 'commander';
import { defaultDataDir } from '../config/paths';

/** Exit codes: 0 ok, 1 failure the user can act on, 2 usage / not available, 3 the data folder is in use by another writer (EXIT_BUSY). */
export const EXIT_BUSY = 3;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** `--data-dir` from the command or any parent, else the app's user-data folder. */
export function dataDirOf(cmd: Command): string {
  const opts = cmd.optsWithGlobals<{ dataDir?: string }>();
  return opts.dataDir ?? defaultDataDir();
}

export function wantsJson(cmd: Command): boolean {
  return Boolean(cmd.optsWithGlobals<{ json?: boolean }>().json);
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

/** Placeholder action for a command of the contract whose implementation has not landed. */
export function notAvailable(name: string): () => never {
  return () => {
    throw new CliError(`yichuang ${name}: not available yet (尚未实现)`, 2);
  };
}

export function parsePositiveInt(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${what} 必须是非负整数：${value}`, 2);
  return n;
}
