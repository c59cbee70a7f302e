import { version } from '../../package.json';
import type { EventBus } from '../api/events';
import type { AuthService } from '../auth/auth-service';
import type { SessionStore } from '../auth/session';
import type { SettingsStore } from '../config/settings-store';
import type { ServiceLauncher } from '../devices/service/launcher';
import type { BusyGate } from '../updater/busy-gate';
import type { SafeStorageLike } from '../crypto/key-store';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import type { SyncEngine } from '../sync/engine';
import type { DeviceService } from '../devices/device-service';
import type { ScanningService } from '../scanning/scanning-service';
import type { CalendarService } from '../catalog/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { CardTokens } from '../intake/card-tokens';
import type { CaseQueries } from '../intake/case-queries';
import type { IntakeService } from '../intake/intake-service';
import type { NoticeRenderer } from '../notice/notice-renderer';
import type { ReviewsService } from '../reviews/reviews-service';
import type { Logger } from '../log/logger';
import type { ApplicantScreenService } from '../applicant-screen/service';

export type AppMode = 'normal' | 'demo';
export type Transport = 'electron' | 'host' | 'test';

export interface AppOptions {
  dataDir: string;
  mode: AppMode;
  transport: Transport;
  /** Electron's safeStorage (main/electron passes it): protects the data key; else a 0600 key file. */
  safeStorage?: SafeStorageLike;
  /** Run device I/O in a separate process started by this launcher (Electron: utilityProcess); absent = in-process. */
  deviceLauncher?: ServiceLauncher;
}

/**
 * Everything the API handlers may use. Each subsystem adds its service here and is built in
 * `createApp`; handlers get this object, never globals.
 */
export interface Services {
  options: AppOptions;
  version: string;
  startedAt: Date;
  events: EventBus;
  sessions: SessionStore;
  log: Logger;
  /** The window's SQLite database (set by the db module). */
  database: Database;
  /** Seals personal data at rest (set by the crypto module). */
  pii: PiiCipher;
  /** The window's validated settings file (set by the config module, first). */
  settings: SettingsStore;
  /** Work an update or a shutdown must not cut: an open intake, a commit in flight (set by the ops module). */
  busy: { intake: BusyGate; commit: BusyGate };
  /** Sign-in, lock and first-run setup (set by the auth module). */
  auth: AuthService;
  /** Service item catalog with its search index (set by the intake module, like the rest below). */
  catalog: CatalogService;
  /** Working-day calendar: chinese-days data plus central overrides. */
  calendar: CalendarService;
  /** Drafts and decisions on cases (accept, 容缺, reject, withdraw, supplement). */
  intake: IntakeService;
  /** Read side of cases: list, detail, audited reveal. */
  cases: CaseQueries;
  /** 好差评 ratings and rectification tasks. */
  reviews: ReviewsService;
  /** Acceptance and rejection notices (HTML). */
  notices: NoticeRenderer;
  /** Recent ID card reads, referenced by token from intake calls. */
  cardTokens: CardTokens;
  /** ID card readers, scanners, evaluators: status, configuration, frames, demo cards (set by the devices module). */
  devices: DeviceService;
  /** Scans from every source as `scan` events, 好差评 prompts, the demo scanner (set by the scanning module). */
  scanning: ScanningService;
  /** Outbox drain, pulls, look-ups and sync state (set by the sync module). */
  sync: SyncEngine;
  /** The applicant-facing screen: record, signature, rating (set by the applicant-screen module). */
  applicantScreen: ApplicantScreenService;
  /** Things to close on shutdown, in reverse order of registration. */
  closers: Array<() => Promise<void> | void>;
}

export const APP_VERSION: string = version;
