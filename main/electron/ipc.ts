import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, IPC_INVOKE_BYTES, RENDERER_ORIGIN } from '../../common/bridge';
import type { App } from '../app/app';
import { gateForApplicantScreen, gateForRenderer } from '../auth/event-gate';
import type { EventListener } from '../events/renderer-events';

/** Who a window calls as: the staff session (the clerk's window) or the applicant screen (issue 18). */
export type WindowCaller = 'staff' | 'applicant-screen';

export interface IpcTransport {
  /** Serve a window: its calls run as `caller`, it receives the events that caller may receive. */
  addWindow(win: BrowserWindow, caller: WindowCaller): void;
}

/** The Electron transport over the shared router. Only the main frame of a window it serves may call. */
export function installIpcTransport(yc: App): IpcTransport {
  // The renderer's own scheme and host (main/electron/renderer-protocol.ts), nothing else.
  const rendererRoot = `${RENDERER_ORIGIN}/`;
  const windows = new Map<number, { win: BrowserWindow; caller: WindowCaller }>();
  const callerOf = (e: IpcMainInvokeEvent): WindowCaller | null => {
    const served = windows.get(e.sender.id);
    if (!served || e.sender !== served.win.webContents) return null;
    const trusted = e.senderFrame === served.win.webContents.mainFrame && (e.senderFrame?.url ?? '').startsWith(rendererRoot);
    return trusted ? served.caller : null;
  };

  ipcMain.handle(IPC_INVOKE, (e, method: unknown, input: unknown) => {
    const caller = callerOf(e);
    if (!caller) return { ok: false, error: { code: 'FORBIDDEN', message: '来源不受信任。' } };
    return caller === 'applicant-screen' ? yc.invokeAsApplicantScreen(method, input) : yc.invoke(method, input);
  });

  // Page bytes: the clerk's window only; the router checks the method takes bytes and their size.
  ipcMain.handle(IPC_INVOKE_BYTES, (e, method: unknown, input: unknown, bytes: unknown) => {
    if (callerOf(e) !== 'staff') return { ok: false, error: { code: 'FORBIDDEN', message: '来源不受信任。' } };
    if (!(bytes instanceof Uint8Array)) return { ok: false, error: { code: 'INVALID_INPUT', message: '缺少文件内容，请重新选择文件。' } };
    return yc.invoke(method, input, bytes);
  });

  return {
    addWindow(win, caller) {
      const id = win.webContents.id;
      windows.set(id, { win, caller });
      const send: EventListener = (name, payload) => {
        if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, name, payload);
      };
      // Staff: no applicant data while locked or signed out. Applicant screen: its own events only.
      const unsubscribe = yc.services.events.subscribe(caller === 'staff' ? gateForRenderer(yc.services.sessions, send) : gateForApplicantScreen(send));
      const detach = caller === 'applicant-screen' ? yc.services.applicantScreen.attach() : () => undefined;
      win.on('closed', () => {
        windows.delete(id);
        unsubscribe();
        detach();
      });
    },
  };
}
