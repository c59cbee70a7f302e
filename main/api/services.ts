import { version } from '../../package.json';
import type { EventBus } from '../events/renderer-events';
import type { AuthService } from '../auth/auth-service';
import type { SessionStore } from '../auth/session';
import type { SettingsStore } from '../config/settings-store';
import type { ServiceLauncher } from '../devices/service/launcher';
import type { BusyGates } from '../ops/module';
import type { IntakeServices } from '../intake/module';
import type { SafeStorageLike } from '../crypto/key-store';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import type { SyncEngine } from '../sync/engine';
import type { DeviceService } from '../devices/device-service';
import type { ScanningService } from '../scanning/scanning-service';
import type { Logger } from '../../platform/log/logger';
import type { Result } from '../../common/contract/errors';
import type { ApplicantScreenService } from '../applicant-screen/service';
import type { QueueService } from '../queue/queue-service';
import type { CameraService } from '../camera/camera-service';
import type { HandoverService } from '../handover/handover-service';
import type { MaterialsService } from '../materials/service';
import type { UploadsService } from '../uploads/service';
import type { AppointmentService } from '../appointments/appointment-service';

export type AppMode = 'normal' | 'demo';
export type Transport = 'electron' | 'host' | 'cli' | 'test';

export interface AppOptions {
  dataDir: string;
  mode: AppMode;
  transport: Transport;
  /** Electron's safeStorage (main/electron passes it): protects the data key; else a 0600 key file. */
  safeStorage?: SafeStorageLike;
  /** Run device I/O in a separate process started by this launcher (Electron: utilityProcess); absent = in-process. */
  deviceLauncher?: ServiceLauncher;
  /**
   * Run the app's own background work: scheduled sync, scheduled backups, the process crash handlers.
   * The real transports (Electron, the loopback host) turn it on; tests and one-shot CLI commands
   * leave it off and drive sync by hand.
   */
  background?: boolean;
  /**
   * Called once the data folder is this app's (writer lock held) and its database open and
   * migrated, before the other subsystems are built: the loopback host gives its address then.
   */
  onDatabaseOpen?: () => void;
  /**
   * Called once auth is built, before the intake, devices, sync… are: an invoke that answers
   * `auth.status` only (the renderer's first question: which screen), so the loopback host answers it
   * while the rest is built; every other method is NOT_AVAILABLE there (the host waits for the app).
   */
  onAuthReady?: (invoke: EarlyInvoke) => void;
}

/**
 * Everything the API handlers may use, built in one place (`createApp`, main/app/app.ts) from each
 * subsystem's `create…(deps)`; handlers get this object, never globals.
 */
export interface Services extends IntakeServices {
  options: AppOptions;
  version: string;
  startedAt: Date;
  events: EventBus;
  sessions: SessionStore;
  log: Logger;
  /** The window's SQLite database. */
  database: Database;
  /** Seals personal data at rest. */
  pii: PiiCipher;
  /** The window's validated settings file. */
  settings: SettingsStore;
  /** Work an update or a shutdown must not cut: an open intake, a commit in flight. */
  busy: BusyGates;
  /** Sign-in, lock and first-run setup. */
  auth: AuthService;
  /** ID card readers, scanners, evaluators: status, configuration, frames, demo cards. */
  devices: DeviceService;
  /** Scans from every source as `scan` events, 好差评 prompts, the demo scanner. */
  scanning: ScanningService;
  /** Outbox drain, pulls, look-ups and sync state. */
  sync: SyncEngine;
  /** The applicant-facing screen: record, signature, rating. */
  applicantScreen: ApplicantScreenService;
  /** 叫号: this window's queue calls and the tickets it served. */
  queue: QueueService;
  /** The document camera's vendor backend (高拍仪 local service). */
  camera: CameraService;
  /** 出件: results pulled from the central, identity check, collection and post. */
  handover: HandoverService;
  /** 材料电子化: staged pages, sealed material PDFs, file tickets, the blob store the uploader reads. */
  materials: MaterialsService;
  /** Material files to the central (tus): status, retry, the background uploader. */
  uploads: UploadsService;
  /** Appointments (预约) pulled from the central: today's list, look-up by card or code, check-in. */
  appointments: AppointmentService;
}

export const APP_VERSION: string = version;

/** An invoke as the current session over a router that has only some of the handlers (AppOptions.onAuthReady). */
export type EarlyInvoke = (method: unknown, input: unknown) => Promise<Result<unknown>>;
