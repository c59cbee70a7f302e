// Electron entry: the only room that imports `electron`. Kept thin: lifecycle, the window, the IPC
// transport; everything else is the same app the loopback host serves.
import path from 'node:path';
import { app, BrowserWindow, dialog, powerMonitor, protocol, safeStorage } from 'electron';
import { createApp } from '../app/app';
import { defaultDataDir, trainingDataDir } from '../config/paths';
import { DataFolderBusyError } from '../db/writer-lock';
import { createLogger } from '../../platform/log/logger';
import { utilityProcessLauncher } from './device-service';
import { followApplicantDisplay, openApplicantWindow } from './applicant-window';
import { FILE_SCHEME_PRIVILEGES, serveFileScheme } from './file-protocol';
import { installIpcTransport } from './ipc';
import { RENDERER_SCHEME, serveRendererScheme } from './renderer-protocol';
import { moveRendererStorage } from './storage-move';
import { beginStart, followAutostart, quitGracefully, rollbackWithoutApp, startUpdates } from './operations';
import { createMainWindow } from './window';

const demo = process.argv.includes('--demo');
// One data folder for the app and the CLI (%APPDATA%\yichuang, ~/.config/yichuang), whatever
// product name the installer gave the app; training mode has a folder of its own. `--user-data-dir`
// (tests, a second window's data) wins.
if (!app.commandLine.hasSwitch('user-data-dir')) app.setPath('userData', demo ? trainingDataDir() : defaultDataDir());

// Once, before `ready`: both privileged schemes together.
protocol.registerSchemesAsPrivileged([RENDERER_SCHEME, FILE_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    const { guard, verdict } = beginStart(dataDir);
    let yc;
    try {
      yc = await createApp({ dataDir, mode: demo ? 'demo' : 'normal', transport: 'electron', background: true, deviceLauncher: utilityProcessLauncher, safeStorage });
    } catch (err) {
      if (err instanceof DataFolderBusyError) {
        // Not this version's fault: no failed start counted, no rollback.
        guard.withdraw();
        dialog.showErrorBox('一窗已在使用此数据文件夹', err.message);
        app.exit(3);
        return;
      }
      // No crash loop: say what happened, go back to the last good version if this one keeps failing.
      const rolledBack = verdict.rollback && app.isPackaged && (await rollbackWithoutApp(dataDir).catch(() => false));
      if (!rolledBack) {
        dialog.showErrorBox('一窗无法启动', `${(err as Error).message}\n\n请联系运维人员；日志在 ${path.join(dataDir, 'logs')}。`);
        app.exit(1);
      }
      return;
    }
    const rendererDir = path.join(__dirname, '..', 'renderer');
    const preload = path.join(__dirname, '..', 'preload.cjs');
    serveRendererScheme(rendererDir);
    await moveRendererStorage(dataDir, createLogger('electron'));
    const win = createMainWindow(preload);
    serveFileScheme(yc);
    const ipc = installIpcTransport(yc);
    ipc.addWindow(win, 'staff');
    // The applicant screen on the external display, if any (and when one is plugged in).
    const stopApplicant = followApplicantDisplay(() => {
      const screenWin = openApplicantWindow(preload);
      if (screenWin) ipc.addWindow(screenWin, 'applicant-screen');
      return screenWin;
    });
    app.on('before-quit', stopApplicant);
    win.webContents.once('did-finish-load', () => guard.confirm());
    startUpdates(yc, verdict);
    followAutostart(yc);
    quitGracefully(yc);
    // Waking from sleep usually means a network that came back: sync now rather than at the next timer.
    const app_ = yc;
    powerMonitor.on('resume', () => app_.services.sync.nudge());
    powerMonitor.on('unlock-screen', () => app_.services.sync.nudge());
    // The clerk walked away (OS lock or sleep): hide applicant data behind our own lock screen too.
    powerMonitor.on('lock-screen', () => app_.services.auth.lock('manual'));
    powerMonitor.on('suspend', () => app_.services.auth.lock('manual'));
    app.on('second-instance', () => {
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    // The clerk's window is the app: closing it quits, whatever the applicant screen shows.
    win.on('closed', () => app.quit());
    app.on('window-all-closed', () => app.quit());
  });
}

export { BrowserWindow };
