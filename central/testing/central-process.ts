import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openCentralStore } from '../db/open';
import { adminToken, loadSecret } from '../store/credentials';
import { createEnrolmentCode } from '../store/enrolment';
import type { FaultPlan } from '../../common/sync/api';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'bin', 'yichuang.mjs');

/** A reference central server in its own process, as tests and demos run it. */
export class CentralProcess {
  child: ChildProcess | null = null;
  url = '';
  port = 0;

  /** `databaseUrl`: PostgreSQL instead of the SQLite file in `dataDir` (which still holds the secret). */
  constructor(
    readonly dataDir: string,
    readonly databaseUrl?: string,
  ) {}

  get adminToken(): string {
    return adminToken(loadSecret(this.dataDir));
  }

  /** Starts (or restarts on the same port) and resolves with the URL the server prints when ready. */
  async start(): Promise<string> {
    const db = this.databaseUrl ? ['--database-url', this.databaseUrl] : [];
    const child = spawn(process.execPath, [CLI, 'central', 'serve', '--port', String(this.port), '--data-dir', this.dataDir, ...db, '--allow-faults'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += String(d);
        const line = out.split('\n').find((l) => l.startsWith('http://'));
        if (line) resolve(line.trim());
      });
      child.once('exit', (code) => reject(new Error(`central exited (${code}): ${err.slice(-2000)}`)));
    });
    this.port = Number(new URL(this.url).port);
    return this.url;
  }

  /** SIGKILL: no shutdown hooks, no flush — the crash a power cut gives. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    this.child = null;
  }

  async admin(route: string, init: { method?: string; body?: unknown } = {}): Promise<any> {
    const res = await fetch(`${this.url}${route}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { authorization: `Bearer ${this.adminToken}`, 'content-type': 'application/json' },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${route}: ${JSON.stringify(json)}`);
    return json;
  }

  faults(plan: Partial<FaultPlan>): Promise<unknown> {
    return this.admin('/v1/admin/faults', { body: plan });
  }

  /** Issued straight into the central database (as `central enroll-code` does), without a process start. */
  async enrolmentCode(hall: string, window: string): Promise<string> {
    const store = await openCentralStore({ dataDir: this.dataDir, databaseUrl: this.databaseUrl });
    try {
      return (await createEnrolmentCode(store.db, hall, window)).code;
    } finally {
      await store.close();
    }
  }
}

/** Runs the CLI as its own process; killed (and reported as such) if it outlives `killAfterMs`. */
export function runCli(args: string[], env: Record<string, string> = {}, killAfterMs = 80_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${killAfterMs} ms]`;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
