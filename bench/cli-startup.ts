import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { percentile } from './stats';
import type { Bench } from './types';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'yichuang.mjs');
const TIME = '/usr/bin/time';
const RUNS = 15;
const DEV_RUNS = 5;
const GOAL_MS = 150;

/** One `yichuang --help` as a user runs it: wall and CPU (user + system) milliseconds. */
function helpOnce(env: Record<string, string>): { wallMs: number; cpuMs: number | null } {
  const withTime = fs.existsSync(TIME);
  const t0 = performance.now();
  const r = withTime
    ? spawnSync(TIME, ['-f', 'cpu %U %S', process.execPath, BIN, '--help'], { env: { ...process.env, ...env }, encoding: 'utf8' })
    : spawnSync(process.execPath, [BIN, '--help'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0 || !r.stdout.includes('All commands:')) throw new Error(`yichuang --help failed (${r.status}): ${r.stderr.split('\n').find((l) => l && !l.startsWith('cpu ')) ?? ''}`);
  const m = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wallMs, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null };
}

/**
 * `yichuang --help`, the installed command (the built bundle, dist/cli.cjs) against the same command
 * through tsx from the sources (YICHUANG_DEV=1, the development path), in the same run.
 */
export const bench: Bench = {
  name: 'cli-startup',
  async run() {
    const built: ReturnType<typeof helpOnce>[] = [];
    const dev: ReturnType<typeof helpOnce>[] = [];
    helpOnce({ YICHUANG_DEV: '0' }); // warm the file cache for both
    for (let i = 0; i < RUNS; i++) {
      built.push(helpOnce({ YICHUANG_DEV: '0' }));
      if (i < DEV_RUNS) dev.push(helpOnce({ YICHUANG_DEV: '1' }));
    }
    const p50 = (xs: Array<number | null>) => (xs.every((x) => x !== null) ? percentile(xs as number[], 50) : -1);
    const wall = p50(built.map((r) => r.wallMs));
    const devWall = p50(dev.map((r) => r.wallMs));
    return [
      {
        bench: 'cli-startup',
        ratio: wall / GOAL_MS,
        baseline: `the goal, ${GOAL_MS} ms for \`yichuang --help\` (≤ 1 meets it)`,
        goal: `built --help p50 ≤ ${GOAL_MS} ms wall`,
        help_p50_ms: wall,
        help_cpu_p50_ms: p50(built.map((r) => r.cpuMs)),
        tsx_help_p50_ms: devWall,
        tsx_help_cpu_p50_ms: p50(dev.map((r) => r.cpuMs)),
        vs_tsx: wall / devWall,
        runs: RUNS,
        tsx_runs: DEV_RUNS,
      },
    ];
  },
};
