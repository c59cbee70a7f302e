import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { QueueEvent, WindowState, WireTicket } from '../../common/queue/wire';

export class QueueError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Persisted {
  tickets: WireTicket[];
  seq: Record<string, number>;
  paused: string[];
  /** Tickets transferred to a window wait for that window only. */
  reserved: Record<string, string>;
  /** The day the numbers count from (numbers restart each day). */
  day: string;
}

/**
 * The hall queue's state, its own store: one JSON file written atomically (temp + rename) after
 * every change, so a restart keeps the waiting tickets. Numbers restart each day (A001…).
 */
export class QueueState {
  private s: Persisted;
  private listeners: Array<(e: QueueEvent) => void> = [];

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.s = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Persisted) : { tickets: [], seq: {}, paused: [], reserved: {}, day: '' };
  }

  onEvent(listener: (e: QueueEvent) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  issue(queue: string): WireTicket {
    const today = this.now().toISOString().slice(0, 10);
    if (this.s.day !== today) this.s = { ...this.s, seq: {}, day: today };
    const n = (this.s.seq[queue] ?? 0) + 1;
    this.s.seq[queue] = n;
    const t: WireTicket = { id: uuidv7(), number: `${queue}${String(n).padStart(3, '0')}`, queue, issuedAt: this.iso(), calledAt: null, window: null, state: 'waiting', recalls: 0 };
    this.s.tickets.push(t);
    this.commit('ticket.issued', t, null);
    return t;
  }

  window(w: string): WindowState {
    return { window: w, paused: this.s.paused.includes(w), current: this.current(w), waiting: this.callable(w).length };
  }

  windows(): WindowState[] {
    const seen = new Set(this.s.tickets.flatMap((t) => (t.window ? [t.window] : [])).concat(this.s.paused, Object.values(this.s.reserved)));
    return [...seen].sort().map((w) => this.window(w));
  }

  waitingByQueue(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of this.s.tickets) if (t.state === 'waiting') out[t.queue] = (out[t.queue] ?? 0) + 1;
    return out;
  }

  /** 下一位: the current ticket is done; the first ticket reserved for this window, else the oldest waiting one. */
  next(w: string): WireTicket | null {
    if (this.s.paused.includes(w)) throw new QueueError(409, 'PAUSED', `窗口 ${w} 已暂停服务，请先恢复服务再叫号。`);
    const cur = this.current(w);
    if (cur) cur.state = 'done';
    const t = this.callable(w)[0] ?? null;
    if (t) {
      t.state = 'called';
      t.calledAt = this.iso();
      t.window = w;
      delete this.s.reserved[t.id];
    }
    this.commit('ticket.called', t, w);
    return t;
  }

  recall(w: string, ticketId: string): WireTicket {
    const t = this.mine(w, ticketId);
    t.recalls++;
    this.commit('ticket.recalled', t, w);
    return t;
  }

  pass(w: string, ticketId: string): WireTicket {
    const t = this.mine(w, ticketId);
    t.state = 'passed';
    this.commit('ticket.passed', t, w);
    return t;
  }

  /** 转窗: the ticket waits again, first in line, for the other window (or in the other queue). */
  transfer(w: string, ticketId: string, to: { toWindow?: string; toQueue?: string }): WireTicket {
    const t = this.mine(w, ticketId);
    if (to.toWindow === w) throw new QueueError(400, 'BAD_TARGET', '不能转给本窗口。');
    t.state = 'transferred';
    const again: WireTicket = { ...t, id: uuidv7(), state: 'waiting', calledAt: null, window: null, queue: to.toQueue ?? t.queue, recalls: 0 };
    // First in line: before every other waiting ticket.
    const firstWaiting = this.s.tickets.findIndex((x) => x.state === 'waiting');
    this.s.tickets.splice(firstWaiting < 0 ? this.s.tickets.length : firstWaiting, 0, again);
    if (to.toWindow) this.s.reserved[again.id] = to.toWindow;
    this.commit('ticket.transferred', again, w);
    return again;
  }

  setPaused(w: string, paused: boolean): void {
    this.s.paused = this.s.paused.filter((x) => x !== w).concat(paused ? [w] : []);
    this.commit(paused ? 'window.paused' : 'window.resumed', null, w);
  }

  private current(w: string): WireTicket | null {
    return this.s.tickets.find((t) => t.window === w && t.state === 'called') ?? null;
  }

  private callable(w: string): WireTicket[] {
    return this.s.tickets.filter((t) => t.state === 'waiting' && (this.s.reserved[t.id] ?? w) === w);
  }

  private mine(w: string, ticketId: string): WireTicket {
    const t = this.s.tickets.find((x) => x.id === ticketId);
    if (!t) throw new QueueError(404, 'UNKNOWN_TICKET', '排队系统中没有这张号。');
    if (t.window !== w || t.state !== 'called') throw new QueueError(409, 'NOT_CURRENT', `这张号（${t.number}）不是窗口 ${w} 正在服务的号。`);
    return t;
  }

  private iso(): string {
    return this.now().toISOString();
  }

  private commit(type: QueueEvent['type'], ticket: WireTicket | null, window: string | null): void {
    // Finished tickets of earlier days are dropped from the file: the queue keeps today's only.
    const today = this.iso().slice(0, 10);
    this.s.tickets = this.s.tickets.filter((t) => t.state === 'waiting' || t.state === 'called' || t.issuedAt.slice(0, 10) === today);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.s));
    fs.renameSync(tmp, this.file);
    const e: QueueEvent = { type, at: this.iso(), ticket: ticket && { ...ticket }, window, waiting: this.waitingByQueue() };
    for (const l of this.listeners) l(e);
  }
}
