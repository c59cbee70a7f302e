import { spawn, spawnSync } from 'node:child_process';
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

  // The host's cache was made by a training run (scripts/warm-code-cache.mjs): a host started from it
  // loads the devices (node-hid, serialport through require()) and answers as it does without it.
  it('has a host cache the host starts from and answers with', async () => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'cli.cjs.host.v8cache'))).toBe(true);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-cache-'));
    const token = 'c'.repeat(48);
    const child = spawn(process.execPath, ['bin/yichuang.mjs', '--data-dir', dataDir, 'host', '--port', '0', '--demo', '--token', token, '--exit-with-parent'], {
      cwd: ROOT,
      env: { ...process.env, YICHUANG_DEV: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
      });
      const res = await fetch(`${origin}/api/invoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, origin, 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'devices.list' }),
      });
      expect(res.status).toBe(200);
      expect(stderr).not.toMatch(/dynamic import/i);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
