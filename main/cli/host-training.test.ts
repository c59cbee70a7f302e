import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'yichuang.mjs');

it('training mode keeps its data in a folder of its own, never in the window\'s real database', { timeout: 150_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-training-'));
  const real = path.join(root, 'yichuang');
  const child = spawn(process.execPath, [BIN, 'host', '--demo', '--port', '0', '--exit-with-parent'], {
    env: { ...process.env, YICHUANG_DATA_DIR: real },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => ((out += String(d)), out.includes('http://') && resolve()));
      child.once('exit', (code) => reject(new Error(`host exited (${code})`)));
    });
    expect(fs.existsSync(path.join(`${real}-training`, 'yichuang.db'))).toBe(true);
    expect(fs.existsSync(path.join(real, 'yichuang.db'))).toBe(false);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
    fs.rmSync(root, { recursive: true, force: true });
  }
});
