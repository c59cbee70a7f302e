import type { Services } from '../services';
import type { Handlers } from '../router';

export function appHandlers(s: Services): Handlers {
  return {
    'app.info': () => ({
      name: '一窗 Yichuang',
      version: s.version,
      dataDir: s.options.dataDir,
      mode: s.options.mode,
      transport: s.options.transport,
      platform: `${process.platform}-${process.arch}`,
      startedAt: s.startedAt.toISOString(),
    }),
    'app.session': () => {
      const session = s.sessions.get();
      return { staffId: session?.staffId ?? null, name: session?.name ?? null, roles: session?.roles ?? [] };
    },
  };
}
