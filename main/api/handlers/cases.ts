import type { Services } from '../services';
import type { Handlers } from '../router';
import { actorOf } from './intake';

export function casesHandlers(s: Services): Handlers {
  return {
    'cases.list': (input) => s.cases.list(input),
    'cases.get': (ref) => s.cases.get(ref),
    'cases.reveal': ({ id, reason }, ctx) => s.cases.reveal(id, reason, actorOf(ctx).id),
    'cases.notice': async ({ id }) => {
      const detail = await s.cases.get({ id });
      const settings = s.settings.get();
      let department = '';
      try {
        department = s.catalog.summaryOf(detail.itemCode).department;
      } catch {
        // The item left the catalog since: the notice still prints without the department.
      }
      return s.notices.render(detail, { hallName: settings.hall.name, windowName: settings.window.name, department });
    },
  };
}
