import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

export interface RunningHost {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Opens the app with the per-run token (sets the cookie). */
  openUrl: string;
  /** Opens the applicant screen with its own token (printed by the host before openUrl). */
  applicantUrl: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** Starts `yichuang host` as a real process (the built bundle, as installed; env YICHUANG_DEV=1 runs the sources) on a fresh data folder and waits for its URL. */
/** `port`: a fixed one (a browser profile's caches are per origin); a free one by default. */
export async function startHostProcess(opts: { demo?: boolean; dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<RunningHost> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-'));
  const args = [path.join(ROOT, 'bin', 'yichuang.mjs'), '--data-dir', dataDir, 'host', '--port', String(opts.port ?? 0), '--exit-with-parent'];
  if (opts.demo) args.push('--demo');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  let applicantUrl = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    // Generous: on a loaded 2-core machine a cold start (sqlite, demo devices; tsx with YICHUANG_DEV=1) has taken ~40 s.
    const limit = Number(process.env.YICHUANG_HOST_START_MS ?? 120_000);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start in ${limit / 1000} s: ${stderr}`));
    }, limit);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        applicantUrl = /(http:\/\/127\.0\.0\.1:\d+\/applicant\/\?token=[0-9a-f]+#\/applicant)/.exec(out)?.[1] ?? '';
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  const u = new URL(openUrl);
  return {
    url: u.origin,
    openUrl,
    applicantUrl,
    token: u.searchParams.get('token')!,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A test with a fresh host (demo mode) per test, and a page already opened on it. */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use) => {
    const host = await startHostProcess({ demo: true });
    await use(host);
    await host.stop();
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Where suites save screenshots for people to look at (not committed). */
export function screenshotPath(name: string): string {
  const dir = path.join(ROOT, 'test-output', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/**
 * Typing options at a person's pace: keys under 30 ms apart that end in Enter or Tab are a
 * keyboard-wedge scan (renderer/src/wedge), which never reaches the focused field.
 */
export const PERSON_PACE = { delay: 80 };
