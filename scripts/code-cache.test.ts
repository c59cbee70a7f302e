import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the built CLI run from its V8 code cache', () => {
  // npm test builds before Vitest runs, so dist/ is the bundle `yichuang` runs.
  it('loads its native packages at run time (import() inside cached code)', () => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'cli.cjs.v8cache'))).toBe(true);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-cache-'));
    const env = { ...process.env, YICHUANG_DEV: '' };
    // Twice: the first run may write or refresh nothing, the second certainly runs from the cache.
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, ['bin/yichuang.mjs', 'devices', 'list', '--data-dir', dataDir], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
      expect(r.stderr).not.toMatch(/dynamic import/i);
      expect(r.stdout).toContain('串口');
      expect(r.status).toBe(0);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
