import type { AppModule } from '../app/modules';
import { createLogger } from '../../platform/log/logger';
import { backoffFromEnv } from './backoff';
import { SyncEngine } from './engine';

/**
 * Builds the sync engine on the window database and, outside tests, starts scheduled sync. Progress
 * and state go to the renderer as `sync.progress` / `sync.state` events.
 */
export const syncModule: AppModule = {
  name: 'sync',
  start(s) {
    const log = createLogger('sync');
    let lastState = '';
    s.sync = new SyncEngine({
      db: s.database.db,
      pii: s.pii ?? null,
      backoff: backoffFromEnv(),
      onProgress: (p) => s.events.emit('sync.progress', p),
      onState: (status) => {
        s.events.emit('sync.state', status);
        if (status.state !== lastState) log.info({ state: status.state, pending: status.pending, parked: status.parked, error: status.lastError }, 'sync state');
        lastState = status.state;
      },
    });
    if (s.options.transport !== 'test') s.sync.start();
    s.closers.push(() => s.sync.stop());
  },
};
