/**
 * What main needs from a queue system, whatever drives it: the hall's queue service over HTTP/WebSocket
 * (http-adapter.ts) or the window caller on a serial line (serial-adapter.ts). Every call rejects
 * with a `QueueUnavailable` (plain Chinese) when the system cannot be reached: the clerk then serves
 * walk-ins, nothing else waits for it.
 */

/** A ticket the queue system just called to this window. */
export interface CalledTicket {
  /** The queue system's id (null: the caller has none; the number is the key). */
  sourceId: string | null;
  number: string;
  queue: string;
  issuedAt: string | null;
  calledAt: string;
  /** issued → called in seconds when the system knows it. */
  waitSeconds: number | null;
}

/** The window as an operation's own answer reports it; null where the answer does not say (the service then asks `health()`). */
export interface WindowNow {
  paused: boolean;
  /** Tickets this window could still call. */
  waiting: number;
}

export interface CallOutcome {
  ticket: CalledTicket | null;
  window: WindowNow | null;
}

export type TransferTarget = { window: string } | { queue: string };

export interface AdapterHealth {
  online: boolean;
  /** Plain Chinese: what is wrong, when offline. */
  reason: string | null;
  paused: boolean | null;
  waiting: number | null;
}

/** The ticket an operation acts on: the system's id and its number. */
export interface TicketKey {
  sourceId: string | null;
  number: string;
}

export interface QueueAdapter {
  readonly source: 'http' | 'serial';
  /** 下一位: ends the current ticket at the queue system and calls the next. */
  callNext(): Promise<CallOutcome>;
  recall(t: TicketKey): Promise<WindowNow | null>;
  pass(t: TicketKey): Promise<WindowNow | null>;
  transfer(t: TicketKey, to: TransferTarget): Promise<WindowNow | null>;
  setPaused(paused: boolean): Promise<WindowNow | null>;
  /** Ask the system now (also what `queue status` shows). Never rejects. */
  health(): Promise<AdapterHealth>;
  /** Something changed at the queue system (a ticket issued, the link went down or up). */
  onChange(listener: () => void): () => void;
  /** The hall's windows, for supervisors; null when this driver cannot see the hall (a serial caller). */
  overview(): Promise<HallOverview | null>;
  close(): Promise<void>;
}

export interface HallOverview {
  windows: Array<{ window: string; paused: boolean; current: string | null; calledAt: string | null; waiting: number }>;
  queues: Array<{ queue: string; waiting: number }>;
}

/** The queue system cannot be reached or refused: `message` is for the clerk. */
export class QueueUnavailable extends Error {
  constructor(
    message: string,
    /** True when the system answered (refused the operation) rather than being unreachable. */
    readonly refused = false,
  ) {
    super(message);
    this.name = 'QueueUnavailable';
  }
}
