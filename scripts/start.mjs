// `npm start [-- --demo]`: the Electron app where its runtime exists or can be fetched; otherwise the
// same app through the loopback host, opened in system Chromium's app mode (or its URL printed).
// Both run the built bundles (dist/); a missing or stale build is said in one line. `npm run dev`
// (`--dev`) runs the host from the TypeScript sources through tsx instead, rebuilding only the
// renderer when it is stale (the Electron main process only runs bundled).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distProblem } from './dist-freshness.mjs';
import { electronBinary, fetchElectron } from './electron-runtime.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dev = args.includes('--dev') || process.env.YICHUANG_DEV === '1';
const demo = args.includes('--demo');
const appArgs = args.filter((a) => a !== '--dev');

function requireBuilt(names) {
  const problem = distProblem(ROOT, names);
  if (!problem) return;
  console.error(problem);
  process.exit(2);
}

const binary = dev ? null : (electronBinary() ?? fetchElectron());
if (binary) {
  requireBuilt(['electron', 'preload', 'device-service', 'renderer']);
  const child = spawn(binary, [path.join(ROOT, 'dist', 'electron', 'main.cjs'), ...appArgs], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (dev) {
    console.log('开发模式：宿主从源码运行（tsx）。(dev: the loopback host runs the TypeScript sources.)');
    if (distProblem(ROOT, ['renderer'])) spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  } else {
    requireBuilt(['cli', 'device-service', 'renderer']);
    console.log('Electron 运行时不可用且无法下载：改用本机浏览器宿主运行同一应用。(Electron runtime unavailable: running through the loopback host.)');
  }
  const host = spawn(process.execPath, [path.join(ROOT, 'bin', 'yichuang.mjs'), 'host', ...(demo ? ['--demo'] : [])], {
    cwd: ROOT,
    env: { ...process.env, ...(dev ? { YICHUANG_DEV: '1' } : {}) },
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
