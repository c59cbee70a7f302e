// `npm start [-- --demo]`: the Electron app where its runtime exists or can be fetched; otherwise the
// same app through the loopback host, opened in system Chromium's app mode (or its URL printed).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, fetchElectron } from './electron-runtime.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const demo = args.includes('--demo');

if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

const binary = electronBinary() ?? fetchElectron();
if (binary) {
  const child = spawn(binary, [path.join(ROOT, 'dist', 'electron', 'main.cjs'), ...args], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron 运行时不可用且无法下载：改用本机浏览器宿主运行同一应用。(Electron runtime unavailable: running through the loopback host.)');
  const host = spawn(process.execPath, [path.join(ROOT, 'bin', 'yichuang.mjs'), 'host', ...(demo ? ['--demo'] : [])], {
    cwd: ROOT,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let out = '';
  host.stdout.on('data', (d) => {
    out += d;
    const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(out);
    if (!m) return;
    host.stdout.removeAllListeners('data');
    host.stdout.pipe(process.stdout);
    const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((b) => fs.existsSync(b));
    if (browser && process.env.DISPLAY) {
      spawn(browser, [`--app=${m[1]}`, '--no-first-run', '--disable-background-networking', '--disable-sync', '--window-size=1366,768'], {
        stdio: 'ignore',
        detached: true,
      }).unref();
      console.log(`已在 Chromium 应用窗口中打开：${m[1]}`);
    } else {
      console.log(`请在浏览器中打开：${m[1]}`);
    }
  });
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => process.exit(code ?? 0));
}
