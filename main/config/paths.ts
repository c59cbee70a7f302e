import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_ID = 'yichuang';

/** The same folder Electron's `app.getPath('userData')` gives, so the CLI and the app share data. */
export function defaultDataDir(): string {
  if (process.env.YICHUANG_DATA_DIR) return path.resolve(process.env.YICHUANG_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_ID);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_ID);
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_ID);
  }
}

/**
 * Training mode's own folder beside the real one (…/yichuang-training): demo cases must never sit
 * in the window's real database, where sync would carry them to the central platform.
 */
export function trainingDataDir(): string {
  return `${defaultDataDir()}-training`;
}

/**
 * The app's root (where package.json, resources/ and dist/ live): the sources in development, the
 * bundle's folder's parent when packaged. Found by walking up, so it holds for every entry point.
 */
export function appRoot(): string {
  if (process.env.YICHUANG_APP_ROOT) return process.env.YICHUANG_APP_ROOT;
  let dir = here();
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'resources'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function here(): string {
  // ESM (tsx, vitest) has import.meta.dirname; the CommonJS bundles have __dirname.
  return typeof __dirname === 'string' ? __dirname : import.meta.dirname;
}

export function resourcesDir(): string {
  return path.join(appRoot(), 'resources');
}
