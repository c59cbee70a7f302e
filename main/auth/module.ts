import type { AppModule } from '../app/modules';
import { createLogger } from '../log/logger';
import { AuthService, DEFAULT_IDLE_LOCK_SECONDS, META_IDLE_LOCK } from './auth-service';
import { ensureSetupCode } from './setup-code';

/**
 * Builds the auth service after the database. On a window with no staff account yet (normal mode),
 * makes sure a one-time setup code exists in `<dataDir>/setup-code.txt`; the loopback host also
 * prints it to stderr, so whoever installs or starts the window can read it.
 */
export const authModule: AppModule = {
  name: 'auth',
  async start(s) {
    const log = createLogger('auth');
    const stored = await s.database.db.selectFrom('meta').select('value').where('key', '=', META_IDLE_LOCK).executeTakeFirst();
    const configured = stored ? Number(stored.value) : DEFAULT_IDLE_LOCK_SECONDS;
    const auth = new AuthService({
      db: s.database.db,
      sessions: s.sessions,
      events: s.events,
      log,
      mode: s.options.mode,
      dataDir: s.options.dataDir,
      // Demo (training) mode never auto-locks: a trainer walks away from it on purpose.
      idleLockSeconds: s.options.mode === 'demo' ? 0 : Number.isInteger(configured) && configured >= 0 ? configured : DEFAULT_IDLE_LOCK_SECONDS,
    });
    await auth.init();
    s.auth = auth;
    s.closers.push(() => auth.close());
    if (auth.status().setupRequired) {
      const { code, file, created } = await ensureSetupCode(s.database.db, s.options.dataDir);
      log.warn({ file, created }, 'window not set up yet: the one-time setup code is in the file');
      if (s.options.transport === 'host') process.stderr.write(`\n一窗初始设置码（one-time setup code）：${code}\n（也保存在 ${file}）\n\n`);
    }
  },
};
