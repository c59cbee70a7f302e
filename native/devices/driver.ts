import type { Logger } from 'pino';
import type { DeviceEventMap } from './events';
import type { KnownDevice } from './known-devices';
import type { DeviceConfig, DeviceKind } from './types';

/** What the DeviceManager hands a driver for one connection attempt. */
export interface DriverContext {
  device: DeviceConfig;
  /** The path to open (the configured port, or where the device was rediscovered). */
  path: string;
  /** Record one frame for the maintenance ring buffer. */
  recordFrame(dir: 'rx' | 'tx', bytes: Uint8Array): void;
  /** Report a sub-state while open (`reading` during a card read, `error` with a reason, back to `connected`). */
  setState(state: 'connected' | 'reading' | 'error', reason?: string): void;
  /** Emit a typed device event (card read, scan, rating…) into main. */
  emit<K extends keyof DeviceEventMap>(name: K, payload: DeviceEventMap[K]): void;
  log?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
}

export interface DriverOpenInfo {
  /** Baud actually in use (after auto-detection). */
  baud: number;
  /** Diagnostics shown with the status, e.g. `{ samId }`. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * One live connection to one device. The DeviceManager owns its lifetime: `open` once, then wait for
 * `closed`, and `close` it at once when the port vanishes (a stale handle may never report close).
 */
export interface DeviceDriver {
  /** Open the port, identify the device, start its loop. Rejects with a Chinese message on failure. */
  open(): Promise<DriverOpenInfo>;
  /** Resolves (never rejects) with a Chinese reason when the link ends for any cause. */
  readonly closed: Promise<string>;
  /** Stop the loop and release the port. Idempotent; never rejects. */
  close(): Promise<void>;
  /** Current diagnostics (shown in `devices.list`). */
  diagnostics(): Record<string, string | number | boolean | null>;
}

/** A kind of device the manager knows how to drive. */
export interface DeviceKindSpec {
  kind: DeviceKind;
  /** Chinese label for screens. */
  label: string;
  defaultBaud: number;
  create(ctx: DriverContext): DeviceDriver;
  /** USB devices of this kind by VID/PID (labels discovered ports, beside known-devices.ts). */
  knownDevices?: readonly KnownDevice[];
  /** Optional: does a device of this kind answer on `path`? (finds a re-enumerated device with no VID/PID match). */
  probe?(path: string): Promise<boolean>;
}
