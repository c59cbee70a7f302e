import type { Kysely } from 'kysely';
import type { CalendarService } from '../catalog/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { DB } from '../db/schema';
import type { Logger } from '../../platform/log/logger';

/**
 * Sync (and `yichuang catalog import` run beside the app) write catalog releases and calendar
 * overrides straight into the database. This notices a new catalog version or a changed calendar
 * with two tiny queries every few seconds and reloads the in-memory index and calendar, so no
 * writer has to know who caches what.
 */
export function watchReferenceData(
  db: Kysely<DB>,
  catalog: CatalogService,
  calendar: CalendarService,
  log: Logger,
  everyMs = 5000,
): () => void {
  const loaded = () => {
    const info = calendar.info();
    return `${info.overrides}|${info.updatedAt ?? ''}`;
  };
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const v = await db.selectFrom('catalog_release').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
      if (Number(v?.v ?? 0) !== catalog.catalogVersion) {
        await catalog.reload();
        log.info({ version: catalog.catalogVersion }, 'catalog reloaded');
      }
      const c = await db
        .selectFrom('calendar_override')
        .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('at')])
        .executeTakeFirstOrThrow();
      if (`${Number(c.n)}|${c.at ?? ''}` !== loaded()) {
        await calendar.load();
        log.info({ overrides: Number(c.n) }, 'calendar reloaded');
      }
    } catch (err) {
      log.warn({ err }, 'reference data check failed');
    } finally {
      busy = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
