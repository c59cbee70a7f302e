import { AppError } from '../../../common/contract';
import type { Services } from '../services';
import { appendAudit } from '../../audit/chain';
import { SettingsError } from '../../config/settings-store';
import type { Handlers } from '../router';

export function settingsHandlers(s: Services): Handlers {
  return {
    'settings.get': () => ({ settings: s.settings.get(), status: s.settings.status() }),
    'settings.status': () => s.settings.status(),
    'settings.update': async ({ patch }, ctx) => {
      let settings;
      try {
        settings = s.settings.update(patch);
      } catch (err) {
        if (err instanceof SettingsError) throw new AppError('INVALID_INPUT', err.message);
        throw err;
      }
      // Which groups changed, never their values (device ports and URLs are not secrets, but the
      // audit chain stays free of anything that might be).
      await appendAudit(s.database.db, { actor: ctx.session?.staffId ?? 'unknown', action: 'settings.change', detail: { keys: Object.keys(patch) } });
      return { settings, status: s.settings.status() };
    },
  };
}
