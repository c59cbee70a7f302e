import type { DeviceDriver, DeviceKindSpec, DriverContext, DriverOpenInfo } from '../devices';
import { openSerialLink, type SerialLink } from '../scanner/serial-port-link';
import { encodeFrame, FrameDecoder } from './frame';
import { ANSWER, commandFrame, FUNC, parseReport, STATUS, STATUS_TEXT, type CallerAnswer, type CallerKey, type HostCommand } from './messages';

/** A key pressed on the window caller itself (the clerk used the caller, not the screen). */
export interface CallerKeyEvent {
  deviceId: string;
  key: CallerKey;
  at: string;
}

declare module '../devices/events' {
  interface DeviceEventMap {
    queueCallerKey: CallerKeyEvent;
  }
}

export const CALLER_DEFAULT_BAUD = 9600;
/** An answer must come within this (the longest answer frame is < 30 ms at 9600 baud). */
const ANSWER_TIMEOUT_MS = 1500;

/**
 * A hall window caller on a serial line (PROTOCOL.md): one command at a time, each answered by
 * the caller with the same function code | 0x80; keys pressed on the caller arrive as
 * `queueCallerKey` events. The bus address is the device's `callerAddress` (default 1).
 */
export class QueueCallerDriver implements DeviceDriver {
  private link: SerialLink | null = null;
  private readonly decoder = new FrameDecoder();
  private pending: { func: number; resolve: (a: CallerAnswer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private badFrames = 0;
  private commands = 0;
  private settleClosed!: (reason: string) => void;
  readonly closed = new Promise<string>((resolve) => (this.settleClosed = resolve));

  constructor(
    private readonly ctx: DriverContext,
    private readonly onOpen: (d: QueueCallerDriver) => void = () => undefined,
    private readonly onClose: (d: QueueCallerDriver) => void = () => undefined,
  ) {}

  get deviceId(): string {
    return this.ctx.device.id;
  }

  get addr(): number {
    return this.ctx.device.callerAddress ?? 1;
  }

  async open(): Promise<DriverOpenInfo> {
    const baud = this.ctx.device.baud ?? CALLER_DEFAULT_BAUD;
    const link = await openSerialLink(this.ctx.path, baud);
    this.link = link;
    link.onData((chunk) => this.receive(chunk));
    void link.closed.then((reason) => this.finish(reason));
    let status: CallerAnswer;
    try {
      status = await this.command({ type: 'status' });
    } catch (err) {
      await link.close();
      throw new Error(`叫号器（地址 ${this.addr}）没有应答：请检查地址、波特率（默认 9600）和接线。${(err as Error).message}`, { cause: err });
    }
    this.onOpen(this);
    return { baud, details: { addr: this.addr, paused: status.type === 'status' && status.paused } };
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = null;
    if (link) await link.close();
    this.finish('已关闭');
  }

  diagnostics(): Record<string, string | number | boolean | null> {
    return { addr: this.addr, commands: this.commands, badFrames: this.badFrames };
  }

  /** Send one command and wait for its answer; commands queue behind each other (half-duplex bus). */
  command(c: HostCommand): Promise<CallerAnswer> {
    const run = this.chain.then(() => this.exchange(c));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private exchange(c: HostCommand): Promise<CallerAnswer> {
    const link = this.link;
    if (!link) return Promise.reject(new Error('叫号器未连接'));
    const frame = encodeFrame(commandFrame(this.addr, c));
    const timeoutMs = c.type === 'evaluate' ? c.timeoutSec * 1000 + 2000 : ANSWER_TIMEOUT_MS;
    this.commands++;
    return new Promise<CallerAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        reject(new Error('叫号器应答超时'));
      }, timeoutMs);
      this.pending = { func: FUNC[c.type], resolve, reject, timer };
      this.ctx.recordFrame('tx', frame);
      link.write(frame).catch((err: Error) => this.fail(err));
    });
  }

  private receive(chunk: Uint8Array): void {
    this.ctx.recordFrame('rx', chunk);
    for (const item of this.decoder.push(chunk)) {
      if ('error' in item) {
        this.badFrames++;
        this.ctx.log?.warn({ device: this.deviceId, error: item.error }, 'queue caller: bad frame dropped');
        continue;
      }
      if (item.frame.addr !== this.addr) continue;
      const report = parseReport(item.frame);
      if (report.type === 'key') {
        this.ctx.emit('queueCallerKey', { deviceId: this.deviceId, key: report.key, at: new Date().toISOString() });
        continue;
      }
      if (report.type === 'unknown') continue;
      const p = this.pending;
      if (!p) continue;
      // The caller could not read our frame (func 0): that command failed on the line.
      if (item.frame.func === ANSWER && report.answer.type === 'done' && report.answer.status === STATUS.badFrame) {
        this.fail(new Error(STATUS_TEXT[STATUS.badFrame]));
        continue;
      }
      if ((item.frame.func & ~ANSWER) !== p.func) continue;
      clearTimeout(p.timer);
      this.pending = null;
      p.resolve(report.answer);
    }
  }

  private fail(err: Error): void {
    const p = this.pending;
    if (!p) return;
    clearTimeout(p.timer);
    this.pending = null;
    p.reject(err);
  }

  private finish(reason: string): void {
    this.fail(new Error(`叫号器已断开：${reason}`));
    this.onClose(this);
    this.settleClosed(reason);
  }
}

/**
 * The device side of window callers, wherever the device layer runs: connected callers by id, and
 * their commands. Register `kind` in the manager's registry.
 */
export class CallerDesk {
  private readonly callers = new Map<string, QueueCallerDriver>();
  readonly kind: DeviceKindSpec = {
    kind: 'queueCaller',
    label: '窗口叫号器',
    defaultBaud: CALLER_DEFAULT_BAUD,
    create: (ctx) =>
      new QueueCallerDriver(
        ctx,
        (d) => this.callers.set(d.deviceId, d),
        (d) => {
          if (this.callers.get(d.deviceId) === d) this.callers.delete(d.deviceId);
        },
      ),
  };

  /** Runs the command on the connected caller; rejects in plain Chinese when none is connected. */
  command(deviceId: string, c: HostCommand): Promise<CallerAnswer> {
    const caller = this.callers.get(deviceId);
    if (!caller) return Promise.reject(new Error(`叫号器 ${deviceId} 未连接`));
    return caller.command(c);
  }
}
