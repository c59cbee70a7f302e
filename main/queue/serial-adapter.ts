import { STATUS, STATUS_TEXT, type CallerAnswer, type HostCommand } from '../../native/queue-caller/messages';
import type { DeviceStatus } from '../../native/devices';
import type { AdapterHealth, CallOutcome, QueueAdapter, TicketKey, TransferTarget, WindowNow } from './adapter';
import { QueueUnavailable } from './adapter';

/** What the serial adapter needs of the device layer (DeviceService). */
export interface CallerPort {
  queueCallerCommand(deviceId: string, command: HostCommand): Promise<CallerAnswer>;
  list(): DeviceStatus[];
  onStatus(listener: (s: DeviceStatus) => void): () => void;
}

const WALK_INS = '可以继续接待未取号的群众。';

/**
 * The window caller (叫号器) on a serial line, through the device service (native/queue-caller,
 * PROTOCOL.md). The caller knows its hall's queue: it answers a call with the next ticket.
 */
export class SerialCallerAdapter implements QueueAdapter {
  readonly source = 'serial' as const;
  private readonly offStatus: () => void;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly port: CallerPort,
    private readonly deviceId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.offStatus = port.onStatus((s) => {
      if (s.id === deviceId) for (const l of this.listeners) l();
    });
  }

  async callNext(): Promise<CallOutcome> {
    const a = await this.run({ type: 'callNext' });
    if (a.type !== 'called') throw new QueueUnavailable('叫号器的应答不对。', true);
    // A call answered (a ticket, or nobody waiting) means the window is not paused: a paused caller answers `02`.
    if (a.status === STATUS.noneWaiting) return { ticket: null, window: { paused: false, waiting: a.waiting } };
    if (a.status !== STATUS.ok || !a.called) throw new QueueUnavailable(`叫号器：${STATUS_TEXT[a.status] ?? `状态 ${a.status}`}。`, true);
    const calledAt = this.now();
    const wait = a.called.waitedSec;
    return {
      ticket: {
        sourceId: null,
        number: a.called.ticket,
        queue: a.called.queue || '-',
        issuedAt: wait === null ? null : new Date(calledAt.getTime() - wait * 1000).toISOString(),
        calledAt: calledAt.toISOString(),
        waitSeconds: wait,
      },
      window: { paused: false, waiting: a.waiting },
    };
  }

  recall(t: TicketKey): Promise<WindowNow | null> {
    return this.done({ type: 'recall', ticket: t.number });
  }

  pass(t: TicketKey): Promise<WindowNow | null> {
    return this.done({ type: 'pass', ticket: t.number });
  }

  transfer(t: TicketKey, to: TransferTarget): Promise<WindowNow | null> {
    return this.done({ type: 'transfer', ticket: t.number, to });
  }

  setPaused(paused: boolean): Promise<WindowNow | null> {
    return this.done({ type: paused ? 'pause' : 'resume' });
  }

  async health(): Promise<AdapterHealth> {
    const s = this.port.list().find((d) => d.id === this.deviceId);
    if (!s) return { online: false, reason: `没有编号为 ${this.deviceId} 的叫号器：请在 运维 → 设备 中添加。${WALK_INS}`, paused: null, waiting: null };
    if (s.state !== 'connected') return { online: false, reason: `叫号器${s.state === 'connecting' ? '正在连接' : '未连接'}${s.reason ? `（${s.reason}）` : ''}：${WALK_INS}`, paused: null, waiting: null };
    try {
      const a = await this.run({ type: 'status' });
      return a.type === 'status' ? { online: true, reason: null, paused: a.paused, waiting: a.waiting } : { online: true, reason: null, paused: null, waiting: null };
    } catch (err) {
      return { online: false, reason: (err as Error).message, paused: null, waiting: null };
    }
  }

  async overview(): Promise<null> {
    return null;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.offStatus();
    this.listeners.clear();
  }

  /** The window's state from the answer itself; null from a caller that sends the status byte only. */
  private async done(c: HostCommand): Promise<WindowNow | null> {
    const a = await this.run(c);
    if (a.status !== STATUS.ok) throw new QueueUnavailable(`叫号器：${STATUS_TEXT[a.status] ?? `状态 ${a.status}`}。`, true);
    return a.type === 'done' ? a.window : null;
  }

  private async run(c: HostCommand): Promise<CallerAnswer> {
    try {
      return await this.port.queueCallerCommand(this.deviceId, c);
    } catch (err) {
      throw new QueueUnavailable(`${(err as Error).message}：${WALK_INS}`);
    }
  }
}
