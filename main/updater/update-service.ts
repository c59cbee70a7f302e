import type { Settings } from '../../common/contract/settings';
import type { Logger } from '../../platform/log/logger';

/**
 * The part of electron-updater's AppUpdater the app uses (main/electron passes `autoUpdater`; tests
 * a double). electron-updater verifies the download's sha512 from the server's <channel>.yml and,
 * on Windows, the installer's signature before installing; a mismatch rejects `downloadUpdate`.
 */
export interface UpdaterBackend {
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  channel: string | null;
  allowDowngrade: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<{ isUpdateAvailable?: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export type UpdateState =
  | { phase: 'disabled'; reason: string }
  | { phase: 'idle'; checkedAt: string | null }
  | { phase: 'downloading'; version: string }
  | { phase: 'waiting-for-idle'; version: string }
  | { phase: 'installing'; version: string }
  | { phase: 'failed'; message: string };

export interface UpdateServiceOptions {
  backend: UpdaterBackend;
  settings: () => Settings['update'];
  /** True while a clerk is in the middle of an intake: an update never interrupts one. */
  isBusy: () => boolean;
  /** Resolves when the window is next idle (end of the current intake). */
  whenIdle: () => Promise<void>;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  notice?: (n: { level: 'info' | 'warning' | 'error'; code: string; message: string }) => void;
}

/**
 * Checks the hall's update server (generic provider, per-channel: `latest` for all windows, `beta`
 * for pilots), downloads in the background and installs only between intakes. `rollback()` installs
 * the release the server keeps under `<url>/rollback/` when this version failed to start.
 */
export class UpdateService {
  private state: UpdateState = { phase: 'idle', checkedAt: null };

  constructor(private readonly o: UpdateServiceOptions) {}

  status(): UpdateState {
    return this.state;
  }

  /** Check, download and install (when idle). Returns the version installed, or null. */
  async checkAndInstall(): Promise<string | null> {
    if (!this.point(false)) return null;
    return this.fetchAndInstall('update');
  }

  /** Go back to the release in `<url>/rollback/` (an older version is allowed only here). */
  async rollback(): Promise<string | null> {
    if (!this.point(true)) return null;
    this.o.notice?.({ level: 'warning', code: 'update.rollback', message: '新版本连续启动失败，正在回退到上一个可用版本。' });
    return this.fetchAndInstall('rollback');
  }

  /** Points the backend at the configured server; false (and `disabled`) when no URL is set. */
  private point(rollback: boolean): boolean {
    const { url, channel } = this.o.settings();
    if (!url) {
      this.state = { phase: 'disabled', reason: '未配置更新服务器地址（设置 update.url）' };
      return false;
    }
    const base = url.replace(/\/+$/, '');
    this.o.backend.setFeedURL({ provider: 'generic', url: rollback ? `${base}/rollback` : base, channel });
    this.o.backend.channel = channel;
    // Setting a channel turns downgrades on in electron-updater; only a rollback may go back.
    this.o.backend.allowDowngrade = rollback;
    this.o.backend.autoDownload = false;
    this.o.backend.autoInstallOnAppQuit = false;
    return true;
  }

  private async fetchAndInstall(kind: 'update' | 'rollback'): Promise<string | null> {
    try {
      const found = await this.o.backend.checkForUpdates();
      this.state = { phase: 'idle', checkedAt: new Date().toISOString() };
      if (!found || found.isUpdateAvailable === false) return null;
      const version = found.updateInfo.version;
      this.state = { phase: 'downloading', version };
      this.o.log?.info({ version, kind }, 'update: downloading');
      await this.o.backend.downloadUpdate(); // sha512 (and signature) checked by electron-updater
      if (this.o.isBusy()) {
        this.state = { phase: 'waiting-for-idle', version };
        this.o.log?.info({ version }, 'update: waiting for the current intake to finish');
        await this.o.whenIdle();
      }
      // Re-checked right before installing: an intake may have begun while we waited.
      while (this.o.isBusy()) await this.o.whenIdle();
      this.state = { phase: 'installing', version };
      this.o.log?.info({ version, kind }, 'update: installing');
      this.o.backend.quitAndInstall(true, true);
      return version;
    } catch (err) {
      const message = `更新失败：${(err as Error).message}`;
      this.state = { phase: 'failed', message };
      this.o.log?.warn({ err, kind }, 'update failed');
      this.o.notice?.({ level: 'warning', code: 'update.failed', message });
      return null;
    }
  }
}
