import type { AppModule } from '../app/modules';
import { createLogger } from '../../platform/log/logger';
import { purgeExpiredPii } from './purge';

const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Runs the retention sweep shortly after start and every six hours, with the setting
 * `retentionDays`. A failed sweep is logged and retried at the next turn; it never stops the app.
 */
export const retentionModule: AppModule = {
  name: 'retention',
  start(s) {
    const log = createLogger('retention');
    let running = false;
    const sweep = async () => {
      if (running) return;
      running = true;
      try {
        const days = s.settings.get().retentionDays;
        const { purged, cutoff } = await purgeExpiredPii(s.database.db, { days });
        if (purged.length) log.info({ count: purged.length, days, cutoff }, 'applicant PII purged by retention');
      } catch (err) {
        log.error({ err }, 'retention sweep failed');
      } finally {
        running = false;
      }
    };
    const first = setTimeout(() => void sweep(), 30_000);
    const timer = setInterval(() => void sweep(), EVERY_MS);
    first.unref();
    timer.unref();
    s.closers.push(() => {
      clearTimeout(first);
      clearInterval(timer);
    });
  },
};
