import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs without types, shared by bin/yichuang.mjs, scripts/start.mjs and the build
import { distProblem, writeManifest } from './dist-freshness.mjs';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'yichuang.mjs');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A project folder with one source file, built (manifest written) at `builtAt`. */
function project(builtAt: number | null): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-fresh-'));
  dirs.push(root);
  fs.mkdirSync(path.join(root, 'main'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist'));
  fs.writeFileSync(path.join(root, 'main', 'a.ts'), 'export {};');
  fs.utimesSync(path.join(root, 'main', 'a.ts'), new Date(1_000_000), new Date(1_000_000));
  if (builtAt !== null) writeManifest(root, builtAt, { cli: ['main/a.ts', 'node_modules/x/index.js'] });
  return root;
}

describe('dist freshness (what yichuang and npm start check before running the bundles)', () => {
  it('no build: says to run npm run build', () => {
    expect(distProblem(project(null), ['cli'])).toMatch(/^dist 不存在，请先运行 npm run build/);
  });

  it('built after the sources: nothing to say', () => {
    expect(distProblem(project(2_000_000), ['cli'])).toBeNull();
  });

  it('a source changed after the build: names it', () => {
    const root = project(2_000_000);
    fs.writeFileSync(path.join(root, 'main', 'a.ts'), 'export const changed = 1;');
    expect(distProblem(root, ['cli'])).toMatch(/^dist 已过期（main\/a\.ts 在构建之后改过），请先运行 npm run build/);
  });

  it('a bundle the manifest does not hold is missing', () => {
    expect(distProblem(project(2_000_000), ['renderer'])).toMatch(/没有 renderer 的构建/);
  });

  it('yichuang without YICHUANG_DEV runs the built bundle (or says in one line why it cannot)', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: { ...process.env, YICHUANG_DEV: '0' } });
    if (r.status === 0) expect(r.stdout).toContain('All commands:');
    else {
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/npm run build/);
    }
  });
});
