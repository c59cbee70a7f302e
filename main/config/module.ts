import type { AppModule } from '../app/modules';
import { SettingsStore } from './settings-store';

/**
 * Loads the window's settings before anything that uses them. A bad file never stops the start:
 * the problem is logged, pushed as an `app.notice` and kept in `settings.status` for maintenance.
 */
export const configModule: AppModule = {
  name: 'config',
  start(s) {
    s.settings = SettingsStore.load(s.options.dataDir);
    const { problem } = s.settings.status();
    if (problem) {
      s.log.error({ badFile: problem.badFile }, 'settings file unusable: started with safe defaults');
      s.events.emit('app.notice', { level: 'error', code: problem.code, message: problem.message });
    }
  },
};
