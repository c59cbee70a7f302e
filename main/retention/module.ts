import { createLogger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { SettingsStore } from '../config/settings-store';
import type { Database } from '../db/database';
import { purgeExpiredPii } from './purge';

const EVERY_MS = 6 * 60 * 60 * 1000;

/** Sweeps now and then; the service is the sweep itself (also run by hand in tests). */
export type RetentionSweep = () => Promise<void>;

/**
 * Runs the retention sweep shortly after start and every six hours, with the setting
 * `retentionDays`. A failed sweep is logged and retried at the next turn; it never stops the app.
 */
export function createRetention(d: { database: Database; settings: SettingsStore }): Subsystem<RetentionSweep> {
  const log = createLogger('retention');
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const days = d.settings.get().retentionDays;
      const { purged, cutoff } = await purgeExpiredPii(d.database.db, { days });
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
  return {
    service: sweep,
    close() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
