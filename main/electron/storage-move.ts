import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { RENDERER_ORIGIN } from '../../common/bridge';
import type { Logger } from '../../platform/log/logger';

const MARKER = 'renderer-storage-moved';

/**
 * Once, at the first start on the renderer's own scheme (renderer-protocol.ts): what the renderer
 * kept in localStorage under file:// (the language, large text, the keyboard-wedge scanner's
 * settings) is copied to RENDERER_ORIGIN, so the upgrade loses none of it. Two hidden windows with
 * no preload, one per origin; a value already set at the new origin wins. Tried once: a failure is
 * logged and costs the defaults, not a hidden window at every start.
 */
export async function moveRendererStorage(dataDir: string, log: Logger): Promise<void> {
  const marker = path.join(dataDir, MARKER);
  if (fs.existsSync(marker)) return;
  const blank = path.join(dataDir, 'storage-move.html');
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    fs.writeFileSync(blank, '<!doctype html><title></title>');
    // Every file:// page shares one storage origin: this blank one reads what index.html wrote.
    await win.loadFile(blank);
    const saved = (await win.webContents.executeJavaScript('JSON.stringify(Object.entries(localStorage))')) as string;
    // Any page of the scheme is its origin (this one is a 404 of the renderer's handler).
    await win.loadURL(`${RENDERER_ORIGIN}/storage-move`).catch(() => undefined);
    const moved = (await win.webContents.executeJavaScript(
      `(() => { if (location.origin !== ${JSON.stringify(RENDERER_ORIGIN)}) throw new Error('not the renderer origin: ' + location.origin);
        let n = 0; for (const [k, v] of ${saved}) if (localStorage.getItem(k) === null) { localStorage.setItem(k, v); n++; } return n; })()`,
    )) as number;
    log.info({ moved }, 'renderer storage moved to its scheme');
  } catch (err) {
    log.error({ err }, 'renderer storage not moved: the language and scanner settings start from their defaults');
  } finally {
    win.destroy();
    fs.rmSync(blank, { force: true });
    fs.writeFileSync(marker, '');
  }
}
