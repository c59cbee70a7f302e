import WebSocket from 'ws';
import type { z } from 'zod';
import { CallResult, Overview, QUEUE_API_PREFIX, QueueErrorBody, QueueEvent, WindowState, type WireTicket } from '../../common/queue/wire';
import type { AdapterHealth, CalledTicket, CallOutcome, HallOverview, QueueAdapter, TicketKey, TransferTarget, WindowNow } from './adapter';
import { QueueUnavailable } from './adapter';

export interface HttpAdapterOptions {
  url: string;
  token: string | null;
  windowCode: string;
  /** Per request (the clerk is waiting on it). */
  timeoutMs?: number;
}

const OFFLINE = '排队系统连不上';
const WALK_INS = '可以继续接待未取号的群众。';

/**
 * The hall's queue service (central/queue/PROTOCOL.md): calls over HTTP, ticket events over a
 * WebSocket that reconnects with back-off. Any event (or the socket dropping) is a change.
 */
export class HttpQueueAdapter implements QueueAdapter {
  readonly source = 'http' as const;
  private ws: WebSocket | null = null;
  private wsUp = false;
  private retryMs = 500;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly o: HttpAdapterOptions) {
    this.connect();
  }

  async callNext(): Promise<CallOutcome> {
    const r = await this.post('next', {}, CallResult);
    return { ticket: r.ticket && called(r.ticket), window: windowOf(r) };
  }

  async recall(t: TicketKey): Promise<WindowNow> {
    return windowOf(await this.post('recall', { ticketId: this.idOf(t) }, CallResult));
  }

  async pass(t: TicketKey): Promise<WindowNow> {
    return windowOf(await this.post('pass', { ticketId: this.idOf(t) }, CallResult));
  }

  async transfer(t: TicketKey, to: TransferTarget): Promise<WindowNow> {
    return windowOf(await this.post('transfer', { ticketId: this.idOf(t), ...('window' in to ? { toWindow: to.window } : { toQueue: to.queue }) }, CallResult));
  }

  async setPaused(paused: boolean): Promise<WindowNow> {
    return windowOf(await this.post(paused ? 'pause' : 'resume', {}, CallResult));
  }

  async health(): Promise<AdapterHealth> {
    try {
      const s = await this.request('GET', `/windows/${this.o.windowCode}`, undefined, WindowState);
      return { online: true, reason: null, paused: s.paused, waiting: s.waiting };
    } catch (err) {
      return { online: false, reason: (err as Error).message, paused: null, waiting: null };
    }
  }

  async overview(): Promise<HallOverview> {
    const o = await this.request('GET', '/overview', undefined, Overview);
    return {
      windows: o.windows.map((w) => ({ window: w.window, paused: w.paused, current: w.current?.number ?? null, calledAt: w.current?.calledAt ?? null, waiting: w.waiting })),
      queues: o.queues,
    };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether the event socket is up (pushes arrive). */
  get pushing(): boolean {
    return this.wsUp;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.ws?.terminate();
    this.listeners.clear();
  }

  private idOf(t: TicketKey): string {
    if (!t.sourceId) throw new QueueUnavailable('这张号不是排队系统叫的，无法在排队系统中操作。', true);
    return t.sourceId;
  }

  private post<S extends z.ZodType>(action: string, body: unknown, schema: S): Promise<z.infer<S>> {
    return this.request('POST', `/windows/${this.o.windowCode}/${action}`, body, schema);
  }

  private async request<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await fetch(`${this.o.url.replace(/\/$/, '')}${QUEUE_API_PREFIX}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(this.o.token ? { authorization: `Bearer ${this.o.token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 3000),
      });
    } catch (err) {
      const why = (err as Error).name === 'TimeoutError' ? '应答超时' : '网络不通';
      throw new QueueUnavailable(`${OFFLINE}（${why}）：${WALK_INS}`);
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const e = QueueErrorBody.safeParse(json);
      if (res.status >= 500 || !e.success) throw new QueueUnavailable(`排队系统出错（HTTP ${res.status}）：${WALK_INS}`);
      throw new QueueUnavailable(e.data.error.message, true);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new QueueUnavailable(`排队系统的应答格式不对（接口版本不一致？）：${WALK_INS}`);
    return parsed.data;
  }

  private connect(): void {
    if (this.closed) return;
    const url = new URL(`${this.o.url.replace(/\/$/, '')}${QUEUE_API_PREFIX}/events`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.o.token) url.searchParams.set('token', this.o.token);
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.on('open', () => {
      this.wsUp = true;
      this.retryMs = 500;
      this.changed();
    });
    ws.on('message', (data) => {
      const e = QueueEvent.safeParse(JSON.parse(String(data)));
      if (e.success) this.changed();
    });
    ws.on('error', () => undefined); // `close` follows
    ws.on('close', () => {
      const wasUp = this.wsUp;
      this.wsUp = false;
      if (wasUp) this.changed();
      if (this.closed) return;
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(10_000, this.retryMs * 2);
    });
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

function called(t: WireTicket): CalledTicket {
  const calledAt = t.calledAt ?? new Date().toISOString();
  return {
    sourceId: t.id,
    number: t.number,
    queue: t.queue,
    issuedAt: t.issuedAt,
    calledAt,
    waitSeconds: Math.max(0, Math.round((Date.parse(calledAt) - Date.parse(t.issuedAt)) / 1000)),
  };
}

/** Every call's result carries the window's state (central/queue/PROTOCOL.md): no second request for the bar. */
function windowOf(r: CallResult): WindowNow {
  return { paused: r.state.paused, waiting: r.state.waiting };
}
