import type { Services } from '../services';
import type { Handlers } from '../router';

export function catalogHandlers(s: Services): Handlers {
  return {
    'catalog.search': ({ q, limit }) => {
      const r = s.catalog.search(q, limit);
      return { items: r.items as never, catalogVersion: s.catalog.catalogVersion, total: r.total };
    },
    'catalog.item': ({ code }) => s.catalog.item(code),
    'catalog.bundles': async () => ({ bundles: await s.catalog.bundles() }),
    'catalog.bundle': ({ id, answers }) => s.catalog.bundle(id, answers),
    'catalog.info': () => s.catalog.info(),
  };
}
