import type { Logger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { EventBus } from '../events/renderer-events';
import { SettingsStore } from './settings-store';

/**
 * Loads the window's settings before anything that uses them. A bad file never stops the start:
 * the problem is logged, pushed as an `app.notice` and kept in `settings.status` for maintenance.
 */
export function createConfig(d: { dataDir: string; events: EventBus; log: Logger }): Subsystem<SettingsStore> {
  const settings = SettingsStore.load(d.dataDir);
  const { problem } = settings.status();
  if (problem) {
    d.log.error({ badFile: problem.badFile }, 'settings file unusable: started with safe defaults');
    d.events.emit('app.notice', { level: 'error', code: problem.code, message: problem.message });
  }
  return { service: settings, close: () => undefined };
}
