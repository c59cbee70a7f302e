import readline from 'node:readline';
import { TypedEmitter, type DeviceConfig, type DeviceStatus } from '../../../native/devices';
import type { Logger } from '../../../platform/log/logger';
import type { DeviceBackend } from './surface';
import type { ServiceProcess, ServiceLauncher } from './launcher';
import { deviceServiceProxy, reemitServiceEvent } from './proxy';
import type { DeviceServiceEvents, DeviceServiceMethodName, DeviceServiceRemote, FromService, ToService } from './surface';

export interface SupervisorOptions {
  launch: ServiceLauncher;
  /** Extra environment for the service (e.g. YICHUANG_DEVICE_KINDS in tests). */
  env?: Record<string, string>;
  /** Ping period; a service that misses `heartbeatTimeoutMs` of pongs is taken as hung and killed. */
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  /** Restart delay doubles from `initialMs` to `maxMs`; it resets once a service stayed up `stableMs`. */
  backoff?: { initialMs: number; maxMs: number; stableMs: number };
  /** How long a call may wait for its answer. */
  callTimeoutMs?: number;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface SupervisorNotice {
  level: 'info' | 'warning' | 'error';
  code: 'device.service.down' | 'device.service.restarted';
  message: string;
}

export interface SupervisorEvents {
  notice: SupervisorNotice;
  /** The service answered `ready` (first start and every restart). */
  ready: { pid: number; restarts: number };
  exit: { code: number | null; signal: string | null; hung: boolean };
}

export const SERVICE_RESTARTING = '设备服务正在重启，请稍候再试。';

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Runs the device layer in a separate process and keeps it running: spawns it, checks it with
 * heartbeats, restarts it with back-off when it crashes or hangs, replays the device configuration,
 * and tells staff (a notice) when it happened. Every declared call is on `remote` (generic, by
 * name); `backend()` is the DeviceBackend main uses: the same `events` (status, card, scan…), a
 * cached `list()`, configure/start/stop that the supervisor replays after a restart.
 */
export class DeviceServiceSupervisor {
  readonly events = new TypedEmitter<DeviceServiceEvents>();
  readonly supervision = new TypedEmitter<SupervisorEvents>();
  /** Every call of the declared surface, sent to the current service process. */
  readonly remote: DeviceServiceRemote = deviceServiceProxy((method, args) => this.call(method, args));
  private proc: ServiceProcess | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private configs: DeviceConfig[] = [];
  private started = false;
  private stopping = false;
  private statuses = new Map<string, DeviceStatus>();
  private restarts = 0;
  private delayMs: number;
  private upSince = 0;
  private heartbeat: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastPong = 0;
  private hung = false;

  constructor(private readonly opts: SupervisorOptions) {
    this.delayMs = this.backoff.initialMs;
  }

  private get backoff() {
    return this.opts.backoff ?? { initialMs: 250, maxMs: 10_000, stableMs: 30_000 };
  }

  /** Spawn the service and wait until it answers. */
  async launch(): Promise<void> {
    this.stopping = false;
    if (!this.proc) this.spawn();
    await this.ready;
  }

  async configure(configs: DeviceConfig[]): Promise<void> {
    this.configs = structuredClone(configs);
    const ids = new Set(configs.map((c) => c.id));
    for (const id of [...this.statuses.keys()]) if (!ids.has(id)) this.statuses.delete(id);
    await this.remote.configure(configs);
  }

  async start(): Promise<void> {
    this.started = true;
    await this.remote.start();
  }

  /** Stop the devices and the service (graceful: ports are closed by the service itself). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const proc = this.proc;
    if (!proc) return;
    const exited = new Promise<void>((resolve) => this.supervision.once('exit').then(() => resolve()));
    await this.remote.stop().catch(() => undefined);
    proc.kill();
    await exited;
  }

  configured(): DeviceConfig[] {
    return structuredClone(this.configs);
  }

  /** Last known status of each device (kept current by the service's status events). */
  list(): DeviceStatus[] {
    return this.configs.map((c) => this.statuses.get(c.id) ?? placeholder(c, 'connecting', null));
  }

  /** Main's view: the declared calls as they are, with the supervised configure/start/stop and the cached list. */
  backend(): DeviceBackend {
    return {
      ...this.remote,
      events: this.events,
      list: () => this.list(),
      configure: (configs) => this.configure(configs),
      start: () => this.start(),
      stop: () => this.stop(),
    };
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get restartCount(): number {
    return this.restarts;
  }

  private async call(method: DeviceServiceMethodName, args: unknown[]): Promise<unknown> {
    if (!this.proc) {
      if (this.stopping) throw new Error('设备服务已停止。');
      this.spawn();
    }
    await this.ready;
    const proc = this.proc;
    if (!proc) throw new Error(SERVICE_RESTARTING);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('设备服务没有及时应答，请稍候再试。'));
      }, this.opts.callTimeoutMs ?? 20_000);
      this.pending.set(id, { resolve, reject, timer });
      proc.send({ t: 'call', id, method, args } as ToService);
    });
  }

  private spawn(): void {
    const proc = this.opts.launch(this.opts.env ?? {});
    this.proc = proc;
    this.hung = false;
    let markReady!: () => void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    if (proc.stderr) this.relayLog(proc);
    proc.onMessage((m) => this.receive(m, markReady));
    proc.onExit((info) => this.exited(proc, info));
  }

  private receive(m: FromService, markReady: () => void): void {
    switch (m.t) {
      case 'ready':
        this.upSince = Date.now();
        this.lastPong = Date.now();
        this.startHeartbeat();
        markReady();
        this.supervision.emit('ready', { pid: m.pid, restarts: this.restarts });
        return;
      case 'pong':
        this.lastPong = Date.now();
        return;
      case 'result': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.message));
        return;
      }
      case 'event':
        if (m.name === 'status') this.statuses.set(m.payload.id, m.payload);
        reemitServiceEvent(this.events, m);
        return;
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    const every = this.opts.heartbeatMs ?? 2000;
    const limit = this.opts.heartbeatTimeoutMs ?? 6000;
    let seq = 0;
    this.heartbeat = setInterval(() => {
      if (!this.proc) return;
      if (Date.now() - this.lastPong > limit) {
        // A native call stuck on the service's thread: only a kill gets the ports back.
        this.hung = true;
        this.opts.log?.error({ pid: this.proc.pid, silentMs: Date.now() - this.lastPong }, 'device service hung: killing it');
        this.proc.kill();
        return;
      }
      this.proc.send({ t: 'ping', seq: ++seq });
    }, every);
    this.heartbeat.unref();
  }

  private exited(proc: ServiceProcess, info: { code: number | null; signal: string | null }): void {
    if (this.proc !== proc) return;
    this.proc = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(SERVICE_RESTARTING));
      this.pending.delete(id);
    }
    const hung = this.hung;
    this.supervision.emit('exit', { ...info, hung });
    if (this.stopping) return;
    // Unexpected end: devices are gone until the service is back; say so on every device.
    const reason = hung ? '设备服务无响应，正在重启' : '设备服务意外退出，正在重启';
    for (const c of this.configs) {
      const s = placeholder(c, 'disconnected', reason);
      this.statuses.set(c.id, s);
      this.events.emit('status', s);
    }
    this.opts.log?.error({ pid: proc.pid, ...info, hung, restarts: this.restarts }, 'device service ended: restarting');
    this.supervision.emit('notice', { level: 'warning', code: 'device.service.down', message: `${reason}（读卡器、扫码枪、评价器暂不可用）。` });
    if (Date.now() - this.upSince > this.backoff.stableMs) this.delayMs = this.backoff.initialMs;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.backoff.maxMs);
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    this.restarts++;
    this.spawn();
    try {
      await this.ready;
      await this.remote.configure(this.configs);
      if (this.started) await this.remote.start();
      this.opts.log?.info({ pid: this.proc?.pid, restarts: this.restarts }, 'device service restarted');
      this.supervision.emit('notice', { level: 'info', code: 'device.service.restarted', message: '设备服务已恢复。' });
    } catch (err) {
      // It died again while replaying: its exit handler has already scheduled the next try.
      this.opts.log?.warn({ err }, 'device service restart did not complete');
    }
  }

  /** The service's log lines (pino JSON on its stderr) go into main's log. */
  private relayLog(proc: ServiceProcess): void {
    const lines = readline.createInterface({ input: proc.stderr! });
    lines.on('line', (line) => {
      let entry: Record<string, unknown> | null = null;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        // Not a log line (a native library printing): keep it as text.
      }
      const level = typeof entry?.level === 'number' && entry.level >= 50 ? 'error' : typeof entry?.level === 'number' && entry.level >= 40 ? 'warn' : 'info';
      this.opts.log?.[level]({ service: proc.pid, line: entry ?? line.slice(0, 2000) }, 'device service');
    });
  }
}

function placeholder(c: DeviceConfig, state: DeviceStatus['state'], reason: string | null): DeviceStatus {
  return { id: c.id, kind: c.kind, port: c.port, state, reason, baud: null, model: c.model ?? null, details: {}, at: new Date().toISOString() };
}
