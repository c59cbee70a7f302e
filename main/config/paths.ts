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

/** Repository root at development time (resources/, dist/). Packaged builds pass their own. */
export function appRoot(): string {
  return process.env.YICHUANG_APP_ROOT ?? path.resolve(import.meta.dirname ?? __dirname, '..', '..');
}

export function resourcesDir(): string {
  return path.join(appRoot(), 'resources');
}
