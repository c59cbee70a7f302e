import { createLogger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import type { EventBus } from '../events/renderer-events';
import { backoffFromEnv } from './backoff';
import { SyncEngine } from './engine';

/**
 * Builds the sync engine on the window database and, when `scheduled`, starts scheduled sync (tests
 * and one-shot commands drive it by hand). Progress and state go to the renderer as `sync.progress`
 * / `sync.state` events.
 */
export function createSync(d: { database: Database; pii: PiiCipher; events: EventBus; scheduled: boolean }): Subsystem<SyncEngine> {
  const log = createLogger('sync');
  let lastState = '';
  const sync = new SyncEngine({
    db: d.database.db,
    pii: d.pii,
    backoff: backoffFromEnv(),
    onProgress: (p) => d.events.emit('sync.progress', p),
    onState: (status) => {
      d.events.emit('sync.state', status);
      if (status.state !== lastState) log.info({ state: status.state, pending: status.pending, parked: status.parked, error: status.lastError }, 'sync state');
      lastState = status.state;
    },
  });
  if (d.scheduled) sync.start();
  return { service: sync, close: () => sync.stop() };
}
