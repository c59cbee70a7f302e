import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../../config/paths';
import type { FromService, ToService } from './surface';

/** One running device-service process, whatever kind of process it is. */
export interface ServiceProcess {
  readonly pid: number | undefined;
  send(message: ToService): void;
  onMessage(listener: (message: FromService) => void): void;
  /** Once, with the exit code or signal, whether it crashed, was killed or exited. */
  onExit(listener: (info: { code: number | null; signal: string | null }) => void): void;
  /** The child's stderr (its log lines), if piped. */
  readonly stderr: NodeJS.ReadableStream | null;
  kill(): void;
}

/** Starts device-service processes: a Node fork here, an Electron utilityProcess in the app. */
export type ServiceLauncher = (env: Record<string, string>) => ServiceProcess;

/** The service's entry: the bundle next to the app's other bundles, else the TypeScript source (tsx). */
export function deviceServiceEntry(): { file: string; execArgv: string[] } {
  const bundled = path.join(appRoot(), 'dist', 'device-service.cjs');
  const source = path.join(appRoot(), 'main', 'devices', 'service', 'child-main.ts');
  const runningBundled = typeof __filename === 'string' && __filename.endsWith('.cjs');
  if ((runningBundled || !fs.existsSync(source)) && fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: source, execArgv: ['--import', 'tsx'] };
}

/** The browser host, the CLI and tests: `child_process.fork` with structured-clone messages. */
export const nodeForkLauncher =
  (entry: { file: string; execArgv: string[] } = deviceServiceEntry()): ServiceLauncher =>
  (env) => {
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    env: { ...process.env, ...env, YICHUANG_LOG_STDERR: '1' },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let exited = false;
  return {
    pid: child.pid,
    stderr: child.stderr,
    send: (m) => {
      if (child.connected) child.send(m);
    },
    onMessage: (l) => child.on('message', (m) => l(m as FromService)),
    onExit: (l) => {
      // 'error' covers a fork that never started; 'exit' the usual end. Report once.
      const done = (code: number | null, signal: string | null) => {
        if (exited) return;
        exited = true;
        l({ code, signal });
      };
      child.once('exit', (code, signal) => done(code, signal));
      child.once('error', () => done(null, 'spawn-error'));
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
};
