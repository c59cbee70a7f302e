import { redactText } from '../../common/domain/mask';
import type { AppModule } from '../app/modules';
import type { Services } from '../app/services';
import { BusyGate } from '../updater/busy-gate';
import { installCrashHandlers } from './crash-handlers';
import { trackIntakeActivity } from './intake-activity';

/** Longest a shutdown waits for a commit in flight before closing anyway. */
export const SHUTDOWN_COMMIT_WAIT_MS = 15_000;

/**
 * Operations: the busy gates the updater and shutdown respect (an applicant at the window, every
 * database transaction in flight), the crash safety net for the real transports, and the graceful
 * shutdown step: its closer runs before the database's (closers run in reverse), so a commit in
 * flight finishes first.
 */
export const opsModule: AppModule = {
  name: 'ops',
  start(s) {
    s.busy = { intake: new BusyGate(), commit: new BusyGate() };
    s.closers.push(trackIntakeActivity((l) => s.events.subscribe(l), s.busy.intake));
    trackCommits(s);
    if (s.options.transport !== 'test') {
      const uninstall = installCrashHandlers(s.log, (r) =>
        s.events.emit('app.notice', { level: 'error', code: 'app.crash', message: `程序内部出错，已记录到日志并继续运行：${redactText(r.message.slice(0, 200))}` }),
      );
      s.closers.push(uninstall);
    }
    s.closers.push(async () => {
      if (!s.busy.commit.isBusy()) return;
      s.log.info('shutdown: waiting for the commit in flight');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([s.busy.commit.whenIdle(), new Promise((r) => (timer = setTimeout(r, SHUTDOWN_COMMIT_WAIT_MS)))]);
      clearTimeout(timer);
    });
  },
};

/**
 * Every `db.transaction().execute(…)` holds the commit gate while it runs, so a shutdown or an
 * update waits for the case being committed whichever module commits it.
 */
function trackCommits(s: Services): void {
  const db = s.database.db;
  const transaction = db.transaction.bind(db);
  db.transaction = () => {
    const builder = transaction();
    const execute = builder.execute.bind(builder);
    builder.execute = async (fn) => {
      const leave = s.busy.commit.enter();
      try {
        return await execute(fn);
      } finally {
        leave();
      }
    };
    return builder;
  };
}
