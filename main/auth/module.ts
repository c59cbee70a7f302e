import type { Logger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { SettingsStore } from '../config/settings-store';
import type { Database } from '../db/database';
import type { EventBus } from '../events/renderer-events';
import { AuthService } from './auth-service';
import type { SessionStore } from './session';
import { ensureSetupCode } from './setup-code';

export interface AuthDeps {
  database: Database;
  settings: SettingsStore;
  sessions: SessionStore;
  events: EventBus;
  log: Logger;
  mode: 'normal' | 'demo';
  dataDir: string;
  /** Also print a new window's setup code to stderr (the loopback host, where the installer reads its console). */
  printSetupCode: boolean;
}

/**
 * Builds the auth service after the database and the settings. On a window with no staff account
 * yet (normal mode), makes sure a one-time setup code exists in `<dataDir>/setup-code.txt`; the
 * loopback host also prints it to stderr, so whoever installs or starts the window can read it.
 */
export async function createAuth(d: AuthDeps): Promise<Subsystem<AuthService>> {
  // Demo (training) mode never auto-locks: a trainer walks away from it on purpose.
  const idleSeconds = (minutes: number) => (d.mode === 'demo' ? 0 : minutes * 60);
  const auth = new AuthService({
    db: d.database.db,
    sessions: d.sessions,
    events: d.events,
    log: d.log,
    mode: d.mode,
    dataDir: d.dataDir,
    idleLockSeconds: idleSeconds(d.settings.get().lockTimeoutMinutes),
  });
  await auth.init();
  const unsubscribe = d.settings.onChange((next, prev) => {
    if (next.lockTimeoutMinutes !== prev.lockTimeoutMinutes) auth.setIdleLockSeconds(idleSeconds(next.lockTimeoutMinutes));
  });
  const close = () => {
    unsubscribe();
    auth.close();
  };
  try {
    if (auth.status().setupRequired) {
      const { code, file, created } = await ensureSetupCode(d.database.db, d.dataDir);
      d.log.warn({ file, created }, 'window not set up yet: the one-time setup code is in the file');
      if (d.printSetupCode) process.stderr.write(`\n一窗初始设置码（one-time setup code）：${code}\n（也保存在 ${file}）\n\n`);
    }
  } catch (err) {
    close();
    throw err;
  }
  return { service: auth, close };
}
