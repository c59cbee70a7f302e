import type { ScanSuffix } from '../../common/contract/devices';

/** Plain data shared by the DeviceManager, the drivers and main. No I/O here. */

/** Kinds of device a window has. Add a kind here and register its driver (see `registry.ts`). */
export const DEVICE_KINDS = ['idcard', 'scanner', 'evaluator', 'signaturePad', 'queueCaller'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** One device as configured by maintenance staff (or found by VID/PID). */
export interface DeviceConfig {
  /** Stable id chosen by the configuration, e.g. `idcard-1`. */
  id: string;
  kind: DeviceKind;
  /** Port path (`/dev/ttyUSB0`, `COM3`, a pty, a by-id symlink). */
  port: string;
  /** Fixed baud; absent → the driver's default or its auto-detection. */
  baud?: number;
  /** Model key from `known-devices.ts`, or free text. */
  model?: string;
  /** Scanners: the suffix the scanner is set to append (native/scanner/scan-framer.ts); absent → `auto`. */
  scanSuffix?: ScanSuffix;
  /** Window callers: the bus address, 1–254; absent → 1. */
  callerAddress?: number;
  /** Scanners: idle milliseconds that end a scan; absent → 50. */
  scanGapMs?: number;
}

/** What a device is doing, as shown to staff (`device.status`). */
export type DeviceState = 'connecting' | 'connected' | 'reading' | 'error' | 'disconnected';

export interface DeviceStatus {
  id: string;
  kind: DeviceKind;
  port: string;
  state: DeviceState;
  /** Plain Chinese reason for `error` / `disconnected`, else null. */
  reason: string | null;
  /** Baud in use once connected. */
  baud: number | null;
  model: string | null;
  /** Driver diagnostics (e.g. SAM id); strings and numbers only. */
  details: Record<string, string | number | boolean | null>;
  /** ISO time of this status. */
  at: string;
}

/** One frame seen on the wire, kept in a per-device ring buffer for maintenance staff. */
export interface FrameRecord {
  dir: 'rx' | 'tx';
  /** Upper-case hex, space separated. */
  hex: string;
  /** ISO time. */
  at: string;
}

/** A port as seen by discovery (`SerialPort.list()`) or configuration. */
export interface PortInfo {
  path: string;
  vendorId: string | null;
  productId: string | null;
  manufacturer: string | null;
  serialNumber: string | null;
  /** HID devices: the interface's usage page (0x0D digitizer); one USB device may list several interfaces. */
  usagePage?: number;
  /** Known device matched by VID/PID, if any. */
  known: { kind: DeviceKind; model: string } | null;
}
