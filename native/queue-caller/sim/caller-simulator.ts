import { performance } from 'node:perf_hooks';
import { PacedWriter } from '../../serial/paced-writer';
import { wireMs } from '../../serial/serial-link';
import { openPtyLink, type PtyLink } from '../../scanner/sim/pty-link';
import { encodeFrame, FrameDecoder, frameLength } from '../frame';
import { answerFrame, calledFrame, FUNC, keyFrame, parseCommand, STATUS, windowBytes, type CallerKey, type HostCommand } from '../messages';

export interface CallerSimulatorOptions {
  /** Bus address this caller answers to (default 1). */
  addr?: number;
  /** Emulate the line: bytes leave no faster than this baud, and a command is acted on only once its last byte would have arrived. 0 = instant. */
  baud?: number;
  /** The rating the applicant gives when asked to evaluate (null: nobody presses, the caller answers timeout). */
  rating?: number | null;
  /** Don't answer at all (a caller at another address or baud). */
  mute?: boolean;
}

interface SimTicket {
  ticket: string;
  queue: string;
  issuedAt: number;
}

/**
 * A hall window caller on a real pty, speaking PROTOCOL.md, with its own little queue: the reference
 * device for the serial driver and `yichuang simulate queue-caller`. Tickets are issued by `issue`
 * (or the CLI's timer); a call takes the oldest, or a ticket transferred to this window first.
 */
export class CallerSimulator {
  private readonly decoder = new FrameDecoder();
  private readonly writer: PacedWriter;
  private readonly waiting: SimTicket[] = [];
  private readonly seq = new Map<string, number>();
  private paused = false;
  current: SimTicket | null = null;
  readonly received: HostCommand[] = [];
  badFrames = 0;
  private listeners: Array<(c: HostCommand) => void> = [];

  private constructor(
    private readonly link: PtyLink,
    private readonly opts: CallerSimulatorOptions,
  ) {
    this.writer = new PacedWriter((b) => link.write(b), opts.baud ?? 0);
    link.onData((chunk) => {
      for (const item of this.decoder.push(chunk)) {
        if ('error' in item) {
          this.badFrames++;
          if (!opts.mute) this.send(answerFrame(this.addr, 0, STATUS.badFrame));
          continue;
        }
        if (item.frame.addr !== this.addr || opts.mute) continue; // another caller on the bus
        const arrived = frameLength(item.frame.data.length);
        const c = parseCommand(item.frame);
        const act = () => (c ? this.handle(c) : this.send(answerFrame(this.addr, item.frame.func, STATUS.unknownFunc)));
        // The command is complete on a real line only after its last byte: wait for it.
        const delay = (opts.baud ?? 0) > 0 ? wireMs(arrived, opts.baud!) : 0;
        if (delay > 0) setTimeout(act, delay);
        else act();
      }
    });
  }

  static async start(opts: CallerSimulatorOptions = {}): Promise<CallerSimulator> {
    return new CallerSimulator(await openPtyLink(), opts);
  }

  get path(): string {
    return this.link.path;
  }

  get addr(): number {
    return this.opts.addr ?? 1;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  onCommand(listener: (c: HostCommand) => void): void {
    this.listeners.push(listener);
  }

  /** The ticket machine prints a ticket for `queue` (A023, A024…). */
  issue(queue = 'A', at = performance.now()): string {
    const n = (this.seq.get(queue) ?? 0) + 1;
    this.seq.set(queue, n);
    const ticket = `${queue}${String(n).padStart(3, '0')}`;
    this.waiting.push({ ticket, queue, issuedAt: at });
    return ticket;
  }

  /** The clerk presses a key on the caller itself. */
  press(key: CallerKey): void {
    this.send(keyFrame(this.addr, key));
  }

  /** Resolves when every queued answer byte has left (paced). */
  idle(): Promise<void> {
    return this.writer.idle();
  }

  close(): Promise<void> {
    this.writer.clear();
    return this.link.close();
  }

  private handle(c: HostCommand): void {
    this.received.push(c);
    for (const l of this.listeners) l(c);
    const a = this.addr;
    switch (c.type) {
      case 'callNext': {
        if (this.paused) return this.send(calledFrame(a, STATUS.paused, this.waiting.length, null));
        const next = this.waiting.shift();
        if (!next) return this.send(calledFrame(a, STATUS.noneWaiting, 0, null));
        this.current = next;
        const waitedSec = Math.round((performance.now() - next.issuedAt) / 1000);
        return this.send(calledFrame(a, STATUS.ok, this.waiting.length, { ...next, waiting: this.waiting.length, waitedSec }));
      }
      case 'recall':
        if (this.current?.ticket !== c.ticket) return this.send(answerFrame(a, FUNC.recall, STATUS.unknownTicket));
        return this.send(answerFrame(a, FUNC.recall, STATUS.ok, this.windowNow()));
      case 'pass':
      case 'transfer': {
        if (this.current?.ticket !== c.ticket) return this.send(answerFrame(a, FUNC[c.type], STATUS.unknownTicket));
        const t = this.current;
        this.current = null;
        // A ticket moved to another queue waits again there (this caller serves every queue it has).
        if (c.type === 'transfer' && 'queue' in c.to) this.waiting.unshift({ ...t, queue: c.to.queue });
        return this.send(answerFrame(a, FUNC[c.type], STATUS.ok, this.windowNow()));
      }
      case 'evaluate': {
        const level = this.opts.rating ?? null;
        if (level === null) return void setTimeout(() => this.send(answerFrame(a, FUNC.evaluate, STATUS.timeout, [0])), Math.min(c.timeoutSec * 1000, 500));
        return void setTimeout(() => this.send(answerFrame(a, FUNC.evaluate, STATUS.ok, [level])), 50);
      }
      case 'pause':
      case 'resume':
        this.paused = c.type === 'pause';
        return this.send(answerFrame(a, FUNC[c.type], STATUS.ok, this.windowNow()));
      case 'status':
        return this.send(answerFrame(a, FUNC.status, STATUS.ok, this.windowNow()));
    }
  }

  /** What every done answer carries after its status byte (PROTOCOL.md): paused, waiting count. */
  private windowNow(): number[] {
    return windowBytes({ paused: this.paused, waiting: this.waiting.length });
  }

  private send(frame: Parameters<typeof encodeFrame>[0]): void {
    this.writer.send(encodeFrame(frame));
  }
}
