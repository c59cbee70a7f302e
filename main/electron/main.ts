// Electron entry: the only room that imports `electron`. Kept thin: lifecycle, the window, the IPC
// transport; everything else is the same app the loopback host serves.
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createApp } from '../app/app';
import { installIpcTransport } from './ipc';
import { createMainWindow } from './window';

const demo = process.argv.includes('--demo');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(async () => {
    const yc = await createApp({ dataDir: app.getPath('userData'), mode: demo ? 'demo' : 'normal', transport: 'electron' });
    const rendererDir = path.join(__dirname, '..', 'renderer');
    const win = createMainWindow(rendererDir, path.join(__dirname, '..', 'preload.cjs'));
    installIpcTransport(yc, win);
    app.on('second-instance', () => {
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    app.on('window-all-closed', () => app.quit());
    app.on('before-quit', () => void yc.close());
  });
}

export { BrowserWindow };
