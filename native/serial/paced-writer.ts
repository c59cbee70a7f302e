import { performance } from 'node:perf_hooks';

/**
 * Releases bytes no faster than a real UART would put them on the wire (8N1: 10 bits a byte), so
 * latency measured through a pty is honest. Works on absolute time: each tick sends every byte
 * whose wire time has passed, so timer jitter does not accumulate.
 */
export class PacedWriter {
  private readonly queue: Array<{ bytes: Uint8Array; pauseMs: number }> = [];
  private current: Uint8Array | null = null;
  private sent = 0;
  /** Wire time origin of the current item. */
  private t0 = 0;
  private timer: NodeJS.Timeout | null = null;
  private idleWaiters: Array<() => void> = [];

  /** `baud` 0 or less sends at once (no pacing). */
  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    public baud: number,
    private readonly tickMs = 1,
  ) {}

  /** Queue bytes; `pauseMs` of line silence before them (split frames). */
  send(bytes: Uint8Array, pauseMs = 0): void {
    if (bytes.length === 0) return;
    this.queue.push({ bytes, pauseMs });
    if (!this.timer && !this.current) this.startNext(performance.now());
  }

  /** Drop everything not yet on the wire (unplug). */
  clear(): void {
    this.queue.length = 0;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.resolveIdle();
  }

  get busy(): boolean {
    return this.current !== null || this.queue.length > 0;
  }

  idle(): Promise<void> {
    return this.busy ? new Promise((r) => this.idleWaiters.push(r)) : Promise.resolve();
  }

  private startNext(now: number): void {
    const next = this.queue.shift();
    if (!next) {
      this.current = null;
      this.resolveIdle();
      return;
    }
    this.current = next.bytes;
    this.sent = 0;
    this.t0 = now + next.pauseMs;
    this.pump();
  }

  private pump = (): void => {
    this.timer = null;
    const cur = this.current;
    if (!cur) return;
    const now = performance.now();
    const due = this.baud > 0 ? Math.min(cur.length, Math.floor(((now - this.t0) * this.baud) / 10_000)) : cur.length;
    if (due > this.sent) {
      this.sink(cur.subarray(this.sent, due));
      this.sent = due;
    }
    if (this.sent >= cur.length) {
      // A queued frame follows back to back: it starts when this one's last bit has left.
      const end = this.baud > 0 ? this.t0 + (cur.length * 10_000) / this.baud : now;
      return this.startNext(end);
    }
    const nextByteAt = this.t0 + ((this.sent + 1) * 10_000) / this.baud;
    this.timer = setTimeout(this.pump, Math.max(0, Math.min(this.tickMs, nextByteAt - now)));
  };

  private resolveIdle(): void {
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const r of w) r();
  }
}
