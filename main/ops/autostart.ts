import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Start on boot. Windows (and macOS) use Electron's login item (passed in as `setLoginItem`);
 * Linux desktops (Kylin, UOS: XDG autostart) use a .desktop file in ~/.config/autostart.
 */
export interface AutostartOptions {
  platform?: NodeJS.Platform;
  /** The launcher to run: the AppImage path ($APPIMAGE) or the installed executable. */
  exec: string;
  setLoginItem?: (openAtLogin: boolean) => void;
  configHome?: string;
}

export function autostartFile(configHome = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config')): string {
  return path.join(configHome, 'autostart', 'yichuang.desktop');
}

export function applyAutostart(enabled: boolean, o: AutostartOptions): void {
  const platform = o.platform ?? process.platform;
  if (platform !== 'linux') {
    o.setLoginItem?.(enabled);
    return;
  }
  const file = autostartFile(o.configHome);
  if (!enabled) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const exec = /[\s"'\\]/.test(o.exec) ? `"${o.exec.replace(/(["\\`$])/g, '\\$1')}"` : o.exec;
  fs.writeFileSync(file, ['[Desktop Entry]', 'Type=Application', 'Name=一窗', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n'));
}
