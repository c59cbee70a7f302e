import fs from 'node:fs';
import { EventBus } from '../api/events';
import { buildHandlers } from '../api/handlers';
import { APPLICANT_SCREEN_ROLE } from '../../common/contract/applicant-screen';
import { createRouter, type Router } from '../api/router';
import { SessionStore } from '../auth/session';
import { configureLogging, createLogger } from '../log/logger';
import { modules } from './modules';
import { APP_VERSION, type AppOptions, type Services } from './services';

export interface App {
  services: Services;
  router: Router;
  /** Invoke as the current session: what both transports do for the clerk's window. */
  invoke(method: unknown, input: unknown): ReturnType<Router['invoke']>;
  /** Invoke as the applicant screen (issue 18): its own list of methods, no staff session. */
  invokeAsApplicantScreen(method: unknown, input: unknown): ReturnType<Router['invoke']>;
  close(): Promise<void>;
}

/** Builds the services and the router. Used by Electron, the loopback host, the CLI and tests. */
export async function createApp(options: AppOptions): Promise<App> {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  configureLogging(options.dataDir);
  const log = createLogger('app');
  const services = {
    options,
    version: APP_VERSION,
    startedAt: new Date(),
    events: new EventBus(),
    sessions: new SessionStore(),
    log,
    closers: [],
  } as unknown as Services; // module-built fields (database, …) are set by modules.start below
  if (options.mode === 'demo') {
    // Training mode: a demo staff member holding every role, so the whole app can be explored.
    services.sessions.set({ staffId: 'demo', name: '培训员', roles: ['clerk', 'supervisor', 'maintenance'] });
  }
  for (const module of modules) {
    try {
      await module.start(services);
    } catch (err) {
      log.error({ err, module: module.name }, 'module failed to start');
      for (const close of services.closers.reverse()) await Promise.resolve(close()).catch(() => undefined);
      throw err;
    }
  }
  const router = createRouter(buildHandlers(services), createLogger('api'));
  log.info({ mode: options.mode, transport: options.transport }, 'app started');
  return {
    services,
    router,
    invoke: (method, input) => router.invoke(method, input, { session: services.sessions.get() }),
    invokeAsApplicantScreen: (method, input) => router.invoke(method, input, { session: null, role: APPLICANT_SCREEN_ROLE }),
    async close() {
      for (const close of services.closers.reverse()) {
        try {
          await close();
        } catch (err) {
          log.error({ err }, 'close failed');
        }
      }
      log.info('app closed');
    },
  };
}
