import { BrowserWindow, session, shell } from 'electron';
import { contentSecurityPolicy } from '../host/csp';
import { rendererPage } from './renderer-protocol';

/** What every window of the app runs with: isolation, sandbox, no Node, web security (the applicant window also turns devtools off). */
export const hardenedWebPreferences = (preload: string) =>
  ({ preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false }) as const;

/** The hardened main window: isolation, sandbox, no Node, CSP, no navigation, no pop-ups, no permissions. */
export function createMainWindow(preload: string): BrowserWindow {
  const csp = contentSecurityPolicy();
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1280,
    minHeight: 720,
    title: '一窗',
    show: false,
    webPreferences: hardenedWebPreferences(preload),
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Only parsed http(s) URLs leave the app, and only in the system browser.
    try {
      const u = new URL(url);
      if (u.protocol === 'https:' || u.protocol === 'http:') void shell.openExternal(u.toString());
    } catch {
      /* not a URL: ignore */
    }
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererPage());
  return win;
}
