import fs from 'node:fs';
import { configureLogging, createLogger, type Logger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { Router } from '../api/router';
import { APP_VERSION, type AppOptions, type Services } from '../api/services';
import { SessionStore } from '../auth/session';
import { createDatabase } from '../db/module';
import type { InternalBus } from '../events/internal-bus';
import { BusyGate } from '../updater/busy-gate';

export interface App {
  services: Services;
  router: Router;
  /** Main's internal events (`card.read` with the full identity); no transport subscribes to it. */
  internal: InternalBus;
  /** Invoke as the current session: what both transports do for the clerk's window. */
  /** `bytes`: the raw page of a bytes method (BYTES_METHODS in common/contract/materials.ts). */
  invoke(method: unknown, input: unknown, bytes?: Uint8Array): ReturnType<Router['invoke']>;
  /** Invoke as the applicant screen (issue 18): the methods granting it, no staff session. */
  invokeAsApplicantScreen(method: unknown, input: unknown): ReturnType<Router['invoke']>;
  /** Run `close` when the app closes, before the subsystems built so far (a transport's own timers). */
  onClose(close: () => Promise<void> | void): void;
  close(): Promise<void>;
}

/**
 * The composition root: builds every subsystem from the ones it needs, in the order they need
 * each other, then the router over their services. Used by Electron, the loopback host, the CLI
 * and tests. Subsystems close in reverse order of creation.
 */
export async function createApp(options: AppOptions): Promise<App> {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  configureLogging(options.dataDir);
  const log = createLogger('app');
  const closing = new CloseList(log);
  // How long each subsystem took to build, logged with 'app started' (start-up profiling).
  const startupMs: Record<string, number> = {};
  let mark = performance.now();
  const use = <S>(name: string, built: Subsystem<S>): S => {
    closing.add(built.close);
    const now = performance.now();
    startupMs[name] = Math.round(now - mark);
    mark = now;
    return built.service;
  };
  const { dataDir, mode } = options;
  const background = options.background ?? false;
  try {
    const sessions = new SessionStore();
    // Training mode: a demo staff member holding every role, so the whole app can be explored.
    if (mode === 'demo') sessions.set({ staffId: 'demo', name: '培训员', roles: ['clerk', 'supervisor', 'maintenance'] });

    // The database first: once it is open the data folder is ours and the host gives its address;
    // everything else (and the code of everything else) loads after that (main/app/subsystems.ts).
    const gates = { intake: new BusyGate(), commit: new BusyGate() };
    const database = use('database', await createDatabase({ dataDir, writeGate: gates.commit }));
    options.onDatabaseOpen?.();
    // A turn of the event loop first, so the caller acts on the open database (the host prints its
    // address) before the rest of the code is evaluated.
    await new Promise((resolve) => setImmediate(resolve));
    const {
      EventBus,
      InternalBus,
      createConfig,
      APPLICANT_SCREEN_ROLE,
      createApplicantScreen,
      buildHandlers,
      createRouter,
      setAuditAlgorithm,
      createAuth,
      createCamera,
      createPii,
      startBackupSchedule,
      createDevices,
      createHandover,
      createIntake,
      createMaterials,
      createUploads,
      blobStoreSource,
      createAppointments,
      createOps,
      createQueue,
      createRetention,
      createScanning,
      createSync,
    } = await import('./subsystems');
    const events = new EventBus();
    const internal = new InternalBus();
    const settings = use('config', createConfig({ dataDir, events, log }));
    if (background) closing.add(startBackupSchedule(database, dataDir));
    // After the database: its close waits for a commit in flight before the database closes.
    const busy = use('ops', createOps({ busy: gates, events, internal, log, crashHandlers: background }));
    const pii = use(
      'crypto',
      await createPii({ database, settings, dataDir, safeStorage: options.safeStorage, log, onCipherSetting: (cipher) => setAuditAlgorithm(database, cipher) }),
    );
    const auth = use(
      'auth',
      await createAuth({ database, settings, sessions, events, log: createLogger('auth'), mode, dataDir, printSetupCode: options.transport === 'host' }),
    );
    // The renderer's first question (which screen) needs only auth: answered from here on (the host).
    if (options.onAuthReady) {
      const early = createRouter({ 'auth.status': () => auth.status() }, createLogger('api'));
      options.onAuthReady((method, input) => early.invoke(method, input, { session: sessions.get() }));
    }
    const materials = use('materials', await createMaterials({ database, pii, dataDir, retentionDays: () => settings.get().retentionDays }));
    // Before intake: a decision that commits material files nudges the uploader.
    const uploads = use('uploads', createUploads({ database, source: blobStoreSource(materials.blobs), events, scheduled: background }));
    const intake = use('intake', await createIntake({ database, pii, settings, sessions, events, internal, log, materials, onFilesCommitted: () => uploads.uploader.nudge() }));
    use('retention', createRetention({ database, settings }));
    const devices = use('devices', await createDevices({ mode, settings, events, internal, deviceLauncher: options.deviceLauncher }));
    const scanning = use('scanning', await createScanning({ mode, devices, events }));
    const sync = use('sync', createSync({ database, pii, events, scheduled: background }));
    const queue = use('queue', createQueue({ database, settings, sessions, events, internal, devices }));
    const appointments = use('appointments', createAppointments({ database, pii, settings }));
    const applicantScreen = use('applicantScreen', createApplicantScreen({ database, pii, settings, sessions, events, intake, scanning, devices }));
    const camera = use('camera', createCamera({ settings }));
    const handover = use('handover', createHandover({ database, pii, intake }));

    const services: Services = {
      options,
      version: APP_VERSION,
      startedAt: new Date(),
      events,
      sessions,
      log,
      database,
      pii,
      settings,
      busy,
      auth,
      ...intake,
      devices,
      scanning,
      sync,
      applicantScreen,
      queue,
      camera,
      handover,
      materials,
      uploads,
      appointments,
    };
    const router = createRouter(buildHandlers(services), createLogger('api'));
    log.info({ mode, transport: options.transport, background, startupMs }, 'app started');
    return {
      services,
      router,
      internal,
      invoke: (method, input, bytes) => router.invoke(method, input, { session: sessions.get(), ...(bytes ? { bytes } : {}) }),
      invokeAsApplicantScreen: (method, input) => router.invoke(method, input, { session: null, role: APPLICANT_SCREEN_ROLE }),
      onClose: (close) => closing.add(close),
      async close() {
        await closing.closeAll();
        log.info('app closed');
      },
    };
  } catch (err) {
    log.error({ err }, 'app failed to start');
    await closing.closeAll();
    throw err;
  }
}

/** What to close on shutdown, run in reverse order of registration; a failing close does not stop the rest. */
class CloseList {
  private readonly closers: Array<() => Promise<void> | void> = [];
  constructor(private readonly log: Logger) {}
  add(close: () => Promise<void> | void): void {
    this.closers.push(close);
  }
  async closeAll(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) {
      try {
        await close();
      } catch (err) {
        this.log.error({ err }, 'close failed');
      }
    }
  }
}
