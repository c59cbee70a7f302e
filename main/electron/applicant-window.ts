import { BrowserWindow, screen, type Display } from 'electron';
import { rendererPage } from './renderer-protocol';
import { hardenedWebPreferences } from './window';

/**
 * The applicant screen (双屏, issue 18) on the external display, when there is one: full screen,
 * kiosk, no frame, no devtools, no navigation, no pop-ups. The page is the same renderer at
 * `#/applicant`; the IPC transport knows this window and calls as the applicant screen. Returns
 * null without a second display: the loopback host's `/applicant/` URL (or the on-screen pad) serves.
 */
export function openApplicantWindow(preload: string): BrowserWindow | null {
  const display = externalDisplay();
  if (!display) return null;
  const { x, y, width, height } = display.bounds;
  const win = new BrowserWindow({
    x,
    y,
    width,
    height,
    fullscreen: true,
    kiosk: true,
    frame: false,
    title: '一窗 · 申请人屏',
    show: false,
    webPreferences: { ...hardenedWebPreferences(preload), devTools: false },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  // Nothing leaves this screen, not even to the system browser: it faces the public.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('context-menu', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.showInactive());
  void win.loadURL(rendererPage('/applicant'));
  return win;
}

/** The first display that is not the primary one (where the clerk's window is). */
function externalDisplay(): Display | null {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().find((d) => d.id !== primary) ?? null;
}

/** Opens the applicant window now and whenever a display is plugged in; closes it when its display goes. */
export function followApplicantDisplay(open: () => BrowserWindow | null): () => void {
  let win = open();
  const onAdded = () => {
    if (!win || win.isDestroyed()) win = open();
  };
  const onRemoved = () => {
    if (win && !win.isDestroyed() && screen.getAllDisplays().length < 2) win.close();
  };
  screen.on('display-added', onAdded);
  screen.on('display-removed', onRemoved);
  return () => {
    screen.off('display-added', onAdded);
    screen.off('display-removed', onRemoved);
    if (win && !win.isDestroyed()) win.close();
  };
}
