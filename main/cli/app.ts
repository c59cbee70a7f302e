import type { Command } from 'commander';
import type { ErrorCode, MethodInput, MethodOutput, Result } from '../../common/contract';
import { CLI_CALLER, CLI_ROLE, type CliMethodName } from '../../common/contract/cli';
import type { App } from '../app/app';
import type { CallContext } from '../api/router';
import { CliError, dataDirOf } from './util';

/** The router as the command line sees it: the CLI's methods, answers unwrapped, failures as CliError. */
export interface CliApi {
  call<M extends CliMethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** Who the CLI is to the router: the local maintenance user, allowed the CLI's list and nothing else. */
export const CLI_CONTEXT: CallContext = { session: { staffId: CLI_CALLER.staffId, name: CLI_CALLER.name, roles: [] }, role: CLI_ROLE };

/** Failures of the command as typed (bad input, not available here) exit 2 like usage errors; the rest 1. */
const USAGE_CODES: readonly ErrorCode[] = ['INVALID_INPUT', 'UNKNOWN_METHOD', 'NOT_AVAILABLE', 'FORBIDDEN'];

/** A router answer as the command's result, or its message as the CLI's plain error and exit code. */
export function unwrap<T>(r: Result<unknown>): T {
  if (r.ok) return r.value as T;
  throw new CliError(r.error.message, USAGE_CODES.includes(r.error.code) ? 2 : 1);
}

export function cliApi(app: Pick<App, 'router'>): CliApi {
  return { call: async (method, input) => unwrap(await app.router.invoke(method, input, CLI_CONTEXT)) };
}

/**
 * A full app over the data folder, closed when `fn` ends; there is no transport. Commands that read
 * or change the window's data use `withRouter`; this is for the few that stay direct (CONTRIBUTING.md).
 */
export async function withApp<T>(dataDir: string, fn: (app: App) => Promise<T>): Promise<T> {
  // Loaded here: `--help` and the commands that stay direct never build the app.
  const { createApp } = await import('../app/app');
  const app = await createApp({ dataDir, mode: 'normal', transport: 'cli' });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** The command's data folder's app, reached through the router as the CLI's caller. */
export function withRouter<T>(cmd: Command, fn: (api: CliApi) => Promise<T>): Promise<T> {
  return withApp(dataDirOf(cmd), (app) => fn(cliApi(app)));
}
