import type { AppModule } from '../app/modules';
import { createLogger } from '../../platform/log/logger';
import { AuthService } from './auth-service';
import { ensureSetupCode } from './setup-code';

/**
 * Builds the auth service after the database and the settings. On a window with no staff account
 * yet (normal mode), makes sure a one-time setup code exists in `<dataDir>/setup-code.txt`; the
 * loopback host also prints it to stderr, so whoever installs or starts the window can read it.
 */
export const authModule: AppModule = {
  name: 'auth',
  async start(s) {
    const log = createLogger('auth');
    // Demo (training) mode never auto-locks: a trainer walks away from it on purpose.
    const idleSeconds = (minutes: number) => (s.options.mode === 'demo' ? 0 : minutes * 60);
    const auth = new AuthService({
      db: s.database.db,
      sessions: s.sessions,
      events: s.events,
      log,
      mode: s.options.mode,
      dataDir: s.options.dataDir,
      idleLockSeconds: idleSeconds(s.settings.get().lockTimeoutMinutes),
    });
    await auth.init();
    s.auth = auth;
    const unsubscribe = s.settings.onChange((next, prev) => {
      if (next.lockTimeoutMinutes !== prev.lockTimeoutMinutes) auth.setIdleLockSeconds(idleSeconds(next.lockTimeoutMinutes));
    });
    s.closers.push(() => {
      unsubscribe();
      auth.close();
    });
    if (auth.status().setupRequired) {
      const { code, file, created } = await ensureSetupCode(s.database.db, s.options.dataDir);
      log.warn({ file, created }, 'window not set up yet: the one-time setup code is in the file');
      if (s.options.transport === 'host') process.stderr.write(`\n一窗初始设置码（one-time setup code）：${code}\n（也保存在 ${file}）\n\n`);
    }
  },
};
