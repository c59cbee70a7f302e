import { TypedEmitter } from '../devices/emitter';
import { PtyDevice } from '../serial/pty';
import type { CardFixture } from './card-fixture';
import { IdCardSimulator, type SimulatorOptions } from './simulator';

export interface SimulatedReaderOptions extends SimulatorOptions {
  card?: CardFixture | null;
  /** A stable symlink to the pty (like /dev/serial/by-id/…); kept across replugs. */
  link?: string;
  /** `unplug` fault: how long the reader stays unplugged before it re-enumerates. */
  replugMs?: number;
}

/**
 * The simulator on a real pseudo-terminal: what `yichuang simulate idcard`, demo mode, the tests and
 * the bench run. An `unplug` closes the pty (the host sees the port vanish) and replugs on a new
 * pty — a new name, as USB-serial readers re-enumerate — re-pointing the symlink if there is one.
 */
export class SimulatedReader {
  readonly events = new TypedEmitter<{ unplugged: { path: string }; replugged: { path: string } }>();
  private closed = false;
  private replugTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly sim: IdCardSimulator,
    private pty: PtyDevice,
    private readonly opts: SimulatedReaderOptions,
  ) {}

  static async start(opts: SimulatedReaderOptions = {}): Promise<SimulatedReader> {
    let current: PtyDevice | null = null;
    const sim = new IdCardSimulator((bytes) => current?.write(bytes), opts);
    current = await PtyDevice.open(opts.link);
    const reader = new SimulatedReader(sim, current, opts);
    reader.attach(current);
    reader.swap = (p) => (current = p);
    sim.events.on('unplug', () => void reader.unplug(opts.replugMs ?? 1000));
    if (opts.card) sim.placeCard(opts.card);
    return reader;
  }

  /** Where the host opens the port (the symlink if asked for, else the pty path). */
  get path(): string {
    return this.pty.hostPath;
  }

  get ptyPath(): string {
    return this.pty.path;
  }

  placeCard(card: CardFixture | null): void {
    this.sim.placeCard(card);
  }

  /** Pull the plug now; with `replugMs`, plug back in (on a new pty) after that long. */
  async unplug(replugMs: number | null = null): Promise<void> {
    const old = this.pty.path;
    // Let the last answer leave the pipe before the line drops.
    await new Promise((r) => setTimeout(r, 30));
    this.sim.stop();
    await this.pty.close();
    this.events.emit('unplugged', { path: old });
    if (replugMs !== null && !this.closed) this.replugTimer = setTimeout(() => void this.replug(), replugMs);
  }

  async replug(): Promise<void> {
    if (this.closed) return;
    const next = await PtyDevice.open(this.opts.link);
    if (this.closed) return void (await next.close());
    this.pty = next;
    this.swap(next);
    this.attach(next);
    this.events.emit('replugged', { path: next.hostPath });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.replugTimer) clearTimeout(this.replugTimer);
    this.sim.stop();
    await this.pty.close();
  }

  private swap: (p: PtyDevice) => void = () => undefined;

  private attach(pty: PtyDevice): void {
    this.sim.setHostBaud(pty.hostBaud);
    pty.onData((chunk) => this.sim.receive(chunk));
    pty.onBaud((baud) => this.sim.setHostBaud(baud || null));
  }
}
