#!/usr/bin/env node
// The `yichuang` CLI runs the built bundle (dist/cli.cjs; `npm install` and `npm run build` make it)
// and says so in one line when it is missing or older than the sources. Development runs the
// TypeScript sources through tsx instead, chosen explicitly: YICHUANG_DEV=1, or --dev first.
import path from 'node:path';
import { runBundle } from '../scripts/code-cache.mjs';
import { distProblem } from '../scripts/dist-freshness.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
if (process.argv[2] === '--dev') {
  process.argv.splice(2, 1);
  process.env.YICHUANG_DEV = '1';
}

if (process.env.YICHUANG_DEV === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/run.ts');
} else {
  // The host also forks the device service and serves the renderer: all three must be current.
  const problem = distProblem(ROOT, ['cli', 'device-service', 'renderer']);
  if (problem) {
    process.stderr.write(`yichuang: ${problem}\n`);
    process.exit(2);
  }
  // `host` anywhere in the arguments picks the host's larger cache; a wrong guess only costs time.
  runBundle(path.join(ROOT, 'dist', 'cli.cjs'), process.argv.includes('host') ? 'host' : 'plain');
}
