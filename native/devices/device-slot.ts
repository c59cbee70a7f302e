import { bounded } from '../serial/serial-link';
import type { DeviceDriver, DeviceKindSpec, DriverContext } from './driver';
import type { TypedEmitter } from './emitter';
import type { DeviceEventMap } from './events';
import { FrameRing } from './frame-log';
import type { DeviceConfig, DeviceState, DeviceStatus } from './types';

export interface SlotOptions {
  backoff: { initialMs: number; maxMs: number };
  /** Longest a driver may take to open before the attempt counts as failed. */
  openTimeoutMs: number;
  frameLogSize: number;
  /** Where to open the device now (configured path, or where it was rediscovered). */
  resolvePath(config: DeviceConfig): string;
  log?: DriverContext['log'];
}

/**
 * One configured device's life: connect → wait for the link to end → back off → reconnect, forever,
 * until stopped. Every wait is bounded or interruptible, so the slot cannot wedge.
 */
export class DeviceSlot {
  readonly frames: FrameRing;
  status: DeviceStatus;
  private driver: DeviceDriver | null = null;
  private stopped = false;
  private attempt = 0;
  private wakeBackoff: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    readonly config: DeviceConfig,
    /** Looked up on every attempt: a kind registered late (another module) is picked up on the next try. */
    private readonly specOf: () => DeviceKindSpec | undefined,
    private readonly events: TypedEmitter<DeviceEventMap>,
    private readonly opts: SlotOptions,
  ) {
    this.frames = new FrameRing(opts.frameLogSize);
    this.status = {
      id: config.id,
      kind: config.kind,
      port: config.port,
      state: 'connecting',
      reason: null,
      baud: config.baud ?? null,
      model: config.model ?? null,
      details: {},
      at: new Date().toISOString(),
    };
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** True while a driver is open (connected or reading). */
  get isOpen(): boolean {
    return this.driver !== null && (this.status.state === 'connected' || this.status.state === 'reading' || this.status.state === 'error');
  }

  get waiting(): boolean {
    return this.wakeBackoff !== null;
  }

  /** Cut a back-off short: the port came back, or staff asked to reconnect. */
  wake(): void {
    this.wakeBackoff?.();
  }

  /** Close the current handle at once (port vanished, or reconnect requested); the loop reconnects. */
  async drop(): Promise<void> {
    const d = this.driver;
    this.attempt = 0;
    if (d) await d.close();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.driver?.close();
    await this.loop;
  }

  private setStatus(state: DeviceState, reason: string | null = null, extra: Partial<DeviceStatus> = {}): void {
    // Details the driver reported on open (extra.details) are kept; live diagnostics refresh them.
    const details = { ...this.status.details, ...extra.details, ...(this.driver ? safeDiagnostics(this.driver) : {}) };
    this.status = { ...this.status, ...extra, state, reason, details, at: new Date().toISOString() };
    this.events.emit('status', this.status);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const spec = this.specOf();
      if (!spec) {
        this.setStatus('error', `没有“${this.config.kind}”类设备的驱动，请检查设备类型配置`);
        await this.backoff();
        continue;
      }
      const path = this.opts.resolvePath(this.config);
      this.setStatus('connecting', null, { port: path });
      const driver = spec.create({
        device: this.config,
        path,
        recordFrame: (dir, bytes) => this.frames.push(dir, bytes),
        setState: (state, reason) => {
          if (this.driver === driver && !this.stopped) this.setStatus(state, reason ?? null);
        },
        emit: (name, payload) => this.events.emit(name, payload),
        log: this.opts.log,
      });
      this.driver = driver;
      try {
        const info = await bounded(driver.open(), this.opts.openTimeoutMs, '设备打开超时');
        if (this.stopped) {
          await driver.close();
          break;
        }
        this.attempt = 0;
        this.setStatus('connected', null, { baud: info.baud, details: { ...info.details } });
        const reason = await driver.closed;
        // Whatever ended the link, release the port before the next attempt opens it again.
        await driver.close();
        if (!this.stopped) this.setStatus('disconnected', reason);
      } catch (err) {
        await driver.close();
        if (!this.stopped) this.setStatus('error', messageOf(err));
      }
      this.driver = null;
      if (this.stopped) break;
      await this.backoff();
    }
    this.driver = null;
    this.setStatus('disconnected', '已停止');
  }

  private backoff(): Promise<void> {
    const { initialMs, maxMs } = this.opts.backoff;
    const ms = Math.min(maxMs, initialMs * 2 ** Math.min(this.attempt++, 16));
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeBackoff = null;
        resolve();
      }
      this.wakeBackoff = done;
    });
  }
}

function safeDiagnostics(d: DeviceDriver): Record<string, string | number | boolean | null> {
  try {
    return d.diagnostics();
  } catch {
    return {};
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
