import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENDOR_DIALECTS } from '../../../native/document-camera/drivers';
import { VendorCamera } from '../../../native/document-camera/vendor-camera';

const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'yichuang.mjs');

describe('yichuang simulate document-camera', { timeout: 120_000 }, () => {
  it('prints its ws:// address, serves a still in the chosen dialect, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, '--dev', 'simulate', 'document-camera', '--dialect', 'liangtian', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /ws:\/\/127\.0\.0\.1:\d+/.exec(out);
          if (m) resolve(m[0]);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const camera = new VendorCamera({ url, dialect: VENDOR_DIALECTS.liangtian, device: 0, timeoutMs: 30_000 });
      const still = await camera.capture();
      expect([still.width, still.height]).toEqual([2592, 1944]);
      await camera.close();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses an unknown dialect (exit 2)', async () => {
    const child = spawn(process.execPath, [BIN, '--dev', 'simulate', 'document-camera', '--dialect', 'nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await new Promise((r) => child.once('exit', r))).toBe(2);
    expect(err).toContain('--dialect 只能是 generic、liangtian');
  });
});
