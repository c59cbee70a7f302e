import type { Services } from '../services';
import type { Handlers } from '../router';

export function uploadsHandlers(s: Services): Handlers {
  return {
    'uploads.status': () => s.uploads.status(),
    'uploads.retry': async (_input, ctx) => {
      const due = await s.uploads.retry(ctx.session?.staffId ?? 'unknown');
      return { due, status: await s.uploads.status() };
    },
  };
}
