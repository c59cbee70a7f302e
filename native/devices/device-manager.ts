import fs from 'node:fs';
import { SerialPort } from 'serialport';
import { DeviceSlot, messageOf, type SlotOptions } from './device-slot';
import type { DeviceKindSpec, DriverContext } from './driver';
import { TypedEmitter } from './emitter';
import type { DeviceEventMap } from './events';
import { findKnownDevice, KNOWN_DEVICES, type KnownDevice } from './known-devices';
import type { DeviceKindRegistry } from './registry';
import type { DeviceConfig, DeviceStatus, FrameRecord, PortInfo } from './types';

/** What `SerialPort.list()` returns, reduced to what discovery needs. */
export interface RawPortInfo {
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
  /** HID devices: the interface's usage page. */
  usagePage?: number;
}

export interface DeviceManagerOptions {
  registry: DeviceKindRegistry;
  /** Port discovery; defaults to `SerialPort.list()` (which rejects on machines without udev). */
  listPorts?: () => Promise<RawPortInfo[]>;
  /** HID devices (hidraw paths, Windows HID interface paths) listed beside the serial ports; absent → none. */
  listHid?: () => Promise<RawPortInfo[]>;
  /** Hot-plug poll period. */
  pollMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  openTimeoutMs?: number;
  /** Least time between two probing rounds for one missing device. */
  probeEveryMs?: number;
  frameLogSize?: number;
  log?: DriverContext['log'];
}

export const PORT_LISTING_UNAVAILABLE = '无法列出串口（port listing unavailable），仅使用已配置的串口';
export const HID_LISTING_UNAVAILABLE = '无法列出 HID 设备，沿用上次列出的 HID 设备';

/**
 * Configured and discovered devices: opens each through its kind's driver, polls the port list for
 * hot-plug, closes stale handles at once, reconnects with back-off and finds a re-enumerated device
 * again by VID/PID. Emits `status` and the drivers' events on `events`.
 */
export class DeviceManager {
  readonly events = new TypedEmitter<DeviceEventMap>();
  private readonly slots = new Map<string, DeviceSlot>();
  private readonly listPorts: () => Promise<RawPortInfo[]>;
  private ports: PortInfo[] = [];
  /** HID devices as last listed: kept when a listing fails, so a failed round does not look like an unplug. */
  private hidPorts: PortInfo[] = [];
  private listingError: string | null = null;
  /** VID/PID/serial of a device's port as last seen, to find it again under another name. */
  private readonly lastSeen = new Map<string, PortInfo>();
  /** Where a probe found a device whose configured port is gone. */
  private readonly probed = new Map<string, string>();
  private readonly lastProbe = new Map<string, number>();
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private started = false;

  constructor(private readonly opts: DeviceManagerOptions) {
    this.listPorts = opts.listPorts ?? (() => SerialPort.list());
  }

  /** Replace the configured devices. Unchanged devices keep their connection. */
  async configure(configs: DeviceConfig[]): Promise<void> {
    const next = new Map(configs.map((c) => [c.id, c]));
    for (const [id, slot] of [...this.slots]) {
      const c = next.get(id);
      if (!c || !sameConfig(c, slot.config)) {
        this.slots.delete(id);
        await slot.stop();
      }
    }
    for (const c of configs) {
      if (this.slots.has(c.id)) continue;
      const slot = new DeviceSlot(c, () => this.opts.registry.get(c.kind), this.events, this.slotOptions());
      this.slots.set(c.id, slot);
      if (this.started) slot.start();
    }
  }

  /** Add (or replace) a kind's driver; devices of that kind waiting for it connect now. */
  registerKind(spec: DeviceKindSpec): void {
    this.opts.registry.register(spec);
    for (const slot of this.slots.values()) if (slot.config.kind === spec.kind) slot.wake();
  }

  /** Start connecting and hot-plug polling. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const slot of this.slots.values()) slot.start();
    const tick = () => {
      this.polling = this.poll().finally(() => {
        if (this.started) this.pollTimer = setTimeout(tick, this.opts.pollMs ?? 2000);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    await this.polling;
    await Promise.all([...this.slots.values()].map((s) => s.stop()));
  }

  configured(): DeviceConfig[] {
    return [...this.slots.values()].map((s) => s.config);
  }

  list(): DeviceStatus[] {
    return [...this.slots.values()].map((s) => s.status);
  }

  status(id: string): DeviceStatus | null {
    return this.slots.get(id)?.status ?? null;
  }

  /** The ports found by the last discovery (refreshed now), and why the listing failed if it did. */
  async discover(): Promise<{ ports: PortInfo[]; listingError: string | null }> {
    await this.refreshPorts();
    return { ports: this.ports, listingError: this.listingError };
  }

  /** Close and reopen one device now. */
  async reconnect(id: string): Promise<boolean> {
    const slot = this.slots.get(id);
    if (!slot) return false;
    await slot.drop();
    return true;
  }

  frames(id: string, limit?: number): FrameRecord[] | null {
    return this.slots.get(id)?.frames.list(limit) ?? null;
  }

  private slotOptions(): SlotOptions {
    return {
      backoff: this.opts.backoff ?? { initialMs: 500, maxMs: 10_000 },
      openTimeoutMs: this.opts.openTimeoutMs ?? 15_000,
      frameLogSize: this.opts.frameLogSize ?? 200,
      resolvePath: (c) => this.resolvePath(c),
      log: this.opts.log,
    };
  }

  private async refreshPorts(): Promise<void> {
    const known = [...KNOWN_DEVICES, ...this.opts.registry.knownDevices()];
    const errors: string[] = [];
    let serial: PortInfo[] = [];
    try {
      serial = (await this.listPorts()).map((p) => toPortInfo(p, known));
    } catch (err) {
      // No udev (containers, some kiosks): carry on with the configured ports.
      errors.push(`${PORT_LISTING_UNAVAILABLE}：${messageOf(err)}`);
    }
    if (this.opts.listHid) {
      try {
        this.hidPorts = (await this.opts.listHid()).map((p) => toPortInfo(p, known));
      } catch (err) {
        errors.push(`${HID_LISTING_UNAVAILABLE}：${messageOf(err)}`);
      }
    }
    this.ports = [...serial, ...this.hidPorts];
    this.listingError = errors.length > 0 ? errors.join('；') : null;
  }

  /** One hot-plug round: drop handles whose port vanished, wake devices whose port came back. */
  private async poll(): Promise<void> {
    const before = new Set(this.ports.map((p) => p.path));
    await this.refreshPorts();
    const now = new Set(this.ports.map((p) => p.path));
    for (const slot of this.slots.values()) {
      const path = slot.status.port;
      const listed = this.ports.find((p) => p.path === path);
      if (listed?.vendorId) this.lastSeen.set(slot.config.id, listed);
      const gone = (process.platform !== 'win32' && !fs.existsSync(path)) || (before.has(path) && !now.has(path));
      if (gone && slot.isOpen) {
        this.opts.log?.warn({ device: slot.config.id }, 'port vanished: closing the stale handle');
        await slot.drop();
      } else if (!gone && slot.waiting) {
        slot.wake();
      } else if (slot.waiting && this.resolvePath(slot.config) !== path) {
        slot.wake();
      } else if (slot.waiting && !this.present(slot.config.port)) {
        await this.probeFor(slot);
      }
    }
  }

  /** Last resort: ask each free listed port whether it is this kind of device. */
  private async probeFor(slot: DeviceSlot): Promise<void> {
    const spec = this.opts.registry.get(slot.config.kind);
    if (!spec?.probe) return;
    // Probing opens other ports: not more than once every probeEveryMs per device.
    const now = Date.now();
    if (now - (this.lastProbe.get(slot.config.id) ?? 0) < (this.opts.probeEveryMs ?? 10_000)) return;
    this.lastProbe.set(slot.config.id, now);
    const taken = new Set([...this.slots.values()].map((s) => s.status.port));
    // Probes speak a serial protocol: never at a HID device.
    const hid = new Set(this.hidPorts.map((p) => p.path));
    for (const p of this.ports) {
      if (taken.has(p.path) || hid.has(p.path) || (p.known && p.known.kind !== slot.config.kind)) continue;
      if (await spec.probe(p.path).catch(() => false)) {
        this.opts.log?.info({ device: slot.config.id }, 'device found again by probing');
        this.probed.set(slot.config.id, p.path);
        slot.wake();
        return;
      }
    }
  }

  private present(portPath: string): boolean {
    return process.platform === 'win32' ? this.ports.some((p) => p.path === portPath) : fs.existsSync(portPath);
  }

  /** The configured path if present; else where a probe found it; else the port with the VID/PID (and serial) last seen there. */
  private resolvePath(c: DeviceConfig): string {
    if (this.present(c.port)) return c.port;
    const probed = this.probed.get(c.id);
    if (probed && this.ports.some((p) => p.path === probed)) return probed;
    const seen = this.lastSeen.get(c.id);
    if (seen) {
      const match = this.ports.find(
        (p) =>
          p.vendorId === seen.vendorId &&
          p.productId === seen.productId &&
          p.usagePage === seen.usagePage && // a HID pad's pen interface, not its keyboard interface
          (!seen.serialNumber || p.serialNumber === seen.serialNumber),
      );
      if (match) return match.path;
    }
    return c.port;
  }
}

function toPortInfo(p: RawPortInfo, table: readonly KnownDevice[]): PortInfo {
  const known = findKnownDevice(p.vendorId, p.productId, table, p.usagePage);
  return {
    path: p.path,
    vendorId: p.vendorId?.toLowerCase() ?? null,
    productId: p.productId?.toLowerCase() ?? null,
    manufacturer: p.manufacturer ?? null,
    serialNumber: p.serialNumber ?? null,
    ...(p.usagePage !== undefined ? { usagePage: p.usagePage } : {}),
    known: known ? { kind: known.kind, model: known.model } : null,
  };
}

function sameConfig(a: DeviceConfig, b: DeviceConfig): boolean {
  return a.kind === b.kind && a.port === b.port && a.baud === b.baud && a.model === b.model;
}
