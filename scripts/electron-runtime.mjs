// Where the Electron runtime is, and fetching it where the network allows. `npm install` does not
// download it (package.json allowScripts: electron false), so offline machines install cleanly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron');

/** The runtime's executable, or null where it is not installed. */
export function electronBinary() {
  if (process.env.ELECTRON_BINARY && fs.existsSync(process.env.ELECTRON_BINARY)) return process.env.ELECTRON_BINARY;
  const pathTxt = path.join(ELECTRON_DIR, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const exe = path.join(ELECTRON_DIR, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

/** Runs electron's own installer once, with a time limit; returns the binary or null. */
export function fetchElectron(timeoutMs = 90_000) {
  const installer = path.join(ELECTRON_DIR, 'install.js');
  if (!fs.existsSync(installer)) return null;
  const r = spawnSync(process.execPath, [installer], { cwd: ELECTRON_DIR, timeout: timeoutMs, stdio: 'ignore' });
  return r.status === 0 ? electronBinary() : null;
}
