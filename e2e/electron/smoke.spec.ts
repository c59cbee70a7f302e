import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-runtime.mjs';

const binary = electronBinary();

test.describe('Electron shell', () => {
  test.skip(!binary, 'SKIPPED: the Electron runtime is not installed on this machine (its download host is unreachable); run `npm start` where the network allows to fetch it.');

  test('opens the hardened window and answers app.info over IPC', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve('dist/electron/main.cjs'), `--user-data-dir=${userData}`, '--demo'],
    });
    const win = await app.firstWindow();
    const info = await win.evaluate(() => window.yichuang.invoke('app.info'));
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    // Navigation away is blocked.
    await win.evaluate(() => (location.href = 'https://example.com'));
    await win.waitForTimeout(300);
    expect(win.url()).toMatch(/^yichuang-app:\/\/renderer\//);
    await app.close();
  });
});
