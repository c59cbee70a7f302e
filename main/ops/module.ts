import { redactText } from '../../common/domain/mask';
import type { Logger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { InternalBus } from '../events/internal-bus';
import type { EventBus } from '../events/renderer-events';
import type { BusyGate } from '../updater/busy-gate';
import { installCrashHandlers } from './crash-handlers';
import { trackIntakeActivity } from './intake-activity';

/** Longest a shutdown waits for a commit in flight before closing anyway. */
export const SHUTDOWN_COMMIT_WAIT_MS = 15_000;

/** Work an update or a shutdown must not cut: an open intake, a commit in flight. */
export interface BusyGates {
  intake: BusyGate;
  commit: BusyGate;
}

export interface OpsDeps {
  /** The gates; `commit` is the database's write gate (given to the database owner when it opens). */
  busy: BusyGates;
  events: EventBus;
  internal: InternalBus;
  log: Logger;
  /** Install the process-wide crash safety net (the real transports; not tests or one-shot commands). */
  crashHandlers: boolean;
}

/**
 * Operations: the intake gate follows the applicant at the window, the crash safety net for the
 * real transports, and the graceful shutdown step. Create it after the database: closing runs in
 * reverse, so a commit in flight finishes before the database closes.
 */
export function createOps(d: OpsDeps): Subsystem<BusyGates> {
  const stopTracking = trackIntakeActivity(
    { events: (l) => d.events.subscribe(l), cardReads: (l) => d.internal.on('card.read', () => l()) },
    d.busy.intake,
  );
  const uninstall = d.crashHandlers
    ? installCrashHandlers(d.log, (r) =>
        d.events.emit('app.notice', { level: 'error', code: 'app.crash', message: `程序内部出错，已记录到日志并继续运行：${redactText(r.message.slice(0, 200))}` }),
      )
    : () => undefined;
  return {
    service: d.busy,
    async close() {
      if (d.busy.commit.isBusy()) {
        d.log.info('shutdown: waiting for the commit in flight');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([d.busy.commit.whenIdle(), new Promise((r) => (timer = setTimeout(r, SHUTDOWN_COMMIT_WAIT_MS)))]);
        clearTimeout(timer);
      }
      uninstall();
      stopTracking();
    },
  };
}
