// Electron-side operations: update checks through electron-updater, start-failure rollback, start
// on boot and graceful quit. The logic lives in main/updater and main/ops (Node-tested); this file
// only connects it to Electron's objects.
import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { App } from '../app/app';
import { SettingsStore } from '../config/settings-store';
import { createLogger } from '../../platform/log/logger';
import { applyAutostart } from '../ops/autostart';
import { StartGuard, type StartVerdict } from '../updater/start-guard';
import { UpdateService, type UpdaterBackend } from '../updater/update-service';

const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
const FIRST_CHECK_AFTER_MS = 60 * 1000;
const log = createLogger('updater');

/** First thing at start-up: leaves the start marker; the verdict says whether to roll back. */
export function beginStart(dataDir: string): { guard: StartGuard; verdict: StartVerdict } {
  const guard = new StartGuard(dataDir, app.getVersion());
  const verdict = guard.begin();
  if (verdict.attempts > 1) log.warn({ ...verdict }, 'previous start of this version did not complete');
  return { guard, verdict };
}

function backend(): UpdaterBackend {
  autoUpdater.logger = log;
  return autoUpdater satisfies UpdaterBackend;
}

/** Rollback when even the app could not be built (bad migration, broken module): settings from the file. */
export async function rollbackWithoutApp(dataDir: string): Promise<boolean> {
  const settings = SettingsStore.load(dataDir);
  const svc = new UpdateService({ backend: backend(), settings: () => settings.get().update, isBusy: () => false, whenIdle: async () => undefined, log });
  return (await svc.rollback()) !== null;
}

/** Periodic update checks on the configured server and channel; installs only between intakes. */
export function startUpdates(yc: App, verdict: StartVerdict): UpdateService {
  const s = yc.services;
  const svc = new UpdateService({
    backend: backend(),
    settings: () => s.settings.get().update,
    isBusy: () => s.busy.intake.isBusy() || s.busy.commit.isBusy(),
    whenIdle: async () => {
      await s.busy.commit.whenIdle();
      await s.busy.intake.whenIdle();
    },
    log,
    notice: (n) => s.events.emit('app.notice', n),
  });
  if (!app.isPackaged) return svc; // development runs have no app-update.yml and nothing to replace
  if (verdict.rollback) void svc.rollback();
  const first = setTimeout(() => void svc.checkAndInstall(), FIRST_CHECK_AFTER_MS);
  const every = setInterval(() => void svc.checkAndInstall(), CHECK_EVERY_MS);
  yc.onClose(() => {
    clearTimeout(first);
    clearInterval(every);
  });
  return svc;
}

/** Start on boot follows the setting (Windows login item; XDG autostart on Kylin/UOS). */
export function followAutostart(yc: App): void {
  const apply = (enabled: boolean) => {
    try {
      applyAutostart(enabled, { exec: process.env.APPIMAGE ?? process.execPath, setLoginItem: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }) });
    } catch (err) {
      log.warn({ err }, 'start-on-boot setting could not be applied');
    }
  };
  if (app.isPackaged) apply(yc.services.settings.get().startOnBoot);
  yc.services.settings.onChange((next, prev) => {
    if (next.startOnBoot !== prev.startOnBoot && app.isPackaged) apply(next.startOnBoot);
  });
}

/** Quit only after the app closed: a commit in flight finishes, devices and the database close. */
export function quitGracefully(yc: App): void {
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    yc.close().finally(() => app.exit(0));
  });
}
