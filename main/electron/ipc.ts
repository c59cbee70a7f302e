import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../common/bridge';
import type { App } from '../app/app';
import { gateForRenderer } from '../auth/event-gate';

/** The Electron transport over the shared router. Only the app's own main frame may call. */
export function installIpcTransport(yc: App, win: BrowserWindow): void {
  const rendererRoot = pathToFileURL(path.join(__dirname, '..', 'renderer') + path.sep).href;
  const trusted = (e: IpcMainInvokeEvent) =>
    e.sender === win.webContents && e.senderFrame === win.webContents.mainFrame && (e.senderFrame?.url ?? '').startsWith(rendererRoot);

  ipcMain.handle(IPC_INVOKE, (e, method: unknown, input: unknown) => {
    if (!trusted(e)) return { ok: false, error: { code: 'FORBIDDEN', message: '来源不受信任。' } };
    return yc.invoke(method, input);
  });
  // Gated: no full card identity, and no applicant data while locked or signed out (main/auth/event-gate.ts).
  const unsubscribe = yc.services.events.subscribe(
    gateForRenderer(yc.services.sessions, (name, payload) => {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, name, payload);
    }),
  );
  win.on('closed', unsubscribe);
}
