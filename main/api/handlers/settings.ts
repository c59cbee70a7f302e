import { AppError } from '../../../common/contract';
import type { Services } from '../services';
import { appendAudit } from '../../audit/chain';
import { SettingsError } from '../../config/settings-store';
import type { Handlers } from '../router';
import type { Settings } from '../../../common/contract/settings';

/** What settings.get and settings.update answer: the queue token stays in the file, only whether it is set goes out. */
function view(s: Services) {
  const settings: Settings = s.settings.get();
  return { settings: { ...settings, queue: { ...settings.queue, token: null } }, status: s.settings.status(), secrets: { queueToken: settings.queue.token !== null } };
}

export function settingsHandlers(s: Services): Handlers {
  return {
    'settings.get': () => view(s),
    'settings.status': () => s.settings.status(),
    'settings.update': async ({ patch }, ctx) => {
      try {
        s.settings.update(patch);
      } catch (err) {
        if (err instanceof SettingsError) throw new AppError('INVALID_INPUT', err.message);
        throw err;
      }
      // Which groups changed, never their values (device ports and URLs are not secrets, but the
      // audit chain stays free of anything that might be).
      await appendAudit(s.database.db, { actor: ctx.session?.staffId ?? 'unknown', action: 'settings.change', detail: { keys: Object.keys(patch) } });
      return view(s);
    },
  };
}
