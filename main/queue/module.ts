import { createLogger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { CallerKey } from '../../native/queue-caller/messages';
import type { SessionStore } from '../auth/session';
import type { SettingsStore } from '../config/settings-store';
import type { Database } from '../db/database';
import type { DeviceService } from '../devices/device-service';
import type { InternalBus } from '../events/internal-bus';
import type { EventBus } from '../events/renderer-events';
import { cachedIdentity, resolveWindowIdentity } from '../intake/window-identity';
import type { QueueAdapter } from './adapter';
import { HttpQueueAdapter } from './http-adapter';
import { QueueService } from './queue-service';
import { SerialCallerAdapter } from './serial-adapter';

export interface QueueDeps {
  database: Database;
  settings: SettingsStore;
  sessions: SessionStore;
  events: EventBus;
  /** Told each time the queue's state changed (intake re-reads the serving ticket). */
  internal?: InternalBus;
  devices: DeviceService;
}

/**
 * 叫号: the queue service over the driver the settings choose — the hall's queue service (HTTP/WS)
 * or the window caller in the device service — rebuilt when the settings change. Keys pressed on the
 * caller act for the clerk signed in, like the buttons on screen.
 */
export function createQueue(d: QueueDeps): Subsystem<QueueService> {
  const log = createLogger('queue');
  const db = d.database.db;
  const adapterFor = (q: ReturnType<SettingsStore['get']>['queue'], windowCode: string): QueueAdapter | null => {
    if (q.driver === 'http' && q.url) return new HttpQueueAdapter({ url: q.url, token: q.token, windowCode });
    if (q.driver === 'serial' && q.callerDeviceId)
      return new SerialCallerAdapter({ queueCallerCommand: (id, c) => d.devices.queueCallerCommand(id, c), list: () => d.devices.list(), onStatus: (l) => d.devices.events.on('status', l) }, q.callerDeviceId);
    return null;
  };
  const service = new QueueService({
    db,
    adapterFor,
    settings: () => d.settings.get(),
    identity: cachedIdentity(() => resolveWindowIdentity(db, { hallCode: d.settings.get().hall.code, windowCode: d.settings.get().window.code })),
    publish: (view) => {
      d.internal?.emit('queue.changed', {});
      d.events.emit('queue.state', view);
    },
    log,
  });
  const reconfigure = () => void service.reconfigure().catch((err: unknown) => log.error({ err }, 'queue could not be configured'));
  reconfigure();
  const offSettings = d.settings.onChange((next, prev) => {
    if (JSON.stringify([next.queue, next.window]) !== JSON.stringify([prev.queue, prev.window])) reconfigure();
  });
  const offKeys = d.devices.events.on('queueCallerKey', (e) => {
    const s = d.sessions.get();
    if (!s || !s.roles.includes('clerk')) return log.info({ key: e.key }, 'caller key ignored: no clerk signed in');
    void pressed(service, e.key, { id: s.staffId }).catch((err: unknown) => log.warn({ err, key: e.key }, 'caller key failed'));
  });
  return {
    service,
    async close() {
      offKeys();
      offSettings();
      await service.close();
    },
  };
}

function pressed(s: QueueService, key: CallerKey, actor: { id: string }) {
  switch (key) {
    case 'next':
      return s.next(actor);
    case 'recall':
      return s.recall(actor);
    case 'pass':
      return s.pass(actor);
    case 'pause':
      return s.setPaused(true, actor);
    case 'resume':
      return s.setPaused(false, actor);
  }
}
