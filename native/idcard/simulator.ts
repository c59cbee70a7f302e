import { performance } from 'node:perf_hooks';
import { PacedWriter } from '../serial/paced-writer';
import { wireMs } from '../serial/serial-link';
import { TypedEmitter } from '../devices/emitter';
import { encodeAppendedAddress } from './appended-address';
import type { CardFixture } from './card-fixture';
import { fixtureReadData } from './card-fixture';
import { CommandDecoder, encodeResponse } from './codec';
import { SW3 } from './status-codes';

/** Faults a simulated reader can inject (`--faults`). */
export const SIM_FAULTS = ['garbage', 'split', 'badchecksum', 'silence', 'late', 'unplug', 'lockup', 'addresssilence', 'addresslate'] as const;
export type SimFault = (typeof SIM_FAULTS)[number];

export interface SimulatorOptions {
  baud?: number;
  faults?: readonly SimFault[];
  /** `late`: the card lands this long after it is placed. */
  lateMs?: number;
  /** Time the SAM takes to answer, on top of the wire time (0: wire time only). */
  processingMs?: number;
  /** Pace output at the baud (true), or send at once. */
  pacing?: boolean;
}

export interface SimulatorEvents {
  /** Every command the reader answered or ignored. */
  command: { cmd: number; para: number; at: number };
  /** `unplug` fault: the host side should pull the plug now. */
  unplug: { at: number };
  /** A card was handed to the host (last byte of the read answer queued). */
  read: { card: string; at: number };
}

const SAM_ID = Uint8Array.of(0x05, 0x00, 0x01, 0x00, 0x1f, 0xe2, 0x32, 0x01, 0x4e, 0x61, 0xbc, 0x00, 0xd2, 0x02, 0x96, 0x49);
const CARD_SERIAL = new Uint8Array(8);

/**
 * A virtual ID card reader: the reader side of the GA 467 protocol, with fault injection. Bytes in
 * from the host through `receive`, answers out through the sink, paced at the configured baud.
 */
export class IdCardSimulator {
  readonly events = new TypedEmitter<SimulatorEvents>();
  readonly faults: ReadonlySet<SimFault>;
  baud: number;
  private card: CardFixture | null = null;
  private present = false;
  private selected = false;
  private locked = false;
  /** Faults that fire once per placement. */
  private usedThisPlacement = new Set<SimFault>();
  private unplugDone = false;
  private unplugAfterNextFrame = false;
  private hostBaud: number | null = null;
  private lateTimer: NodeJS.Timeout | null = null;
  /** `addresslate`: an answer held back until the next command. */
  private heldAnswer: Uint8Array | null = null;
  private readonly decoder = new CommandDecoder();
  private readonly out: PacedWriter;
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(
    sink: (bytes: Uint8Array) => void,
    private readonly opts: SimulatorOptions = {},
  ) {
    this.baud = opts.baud ?? 115200;
    this.faults = new Set(opts.faults ?? []);
    this.out = new PacedWriter(sink, opts.pacing === false ? 0 : this.baud);
  }

  /** The baud the host set on its side of the line; a mismatch makes the reader deaf, as on a real wire. */
  setHostBaud(baud: number | null): void {
    this.hostBaud = baud;
  }

  get placedCard(): string | null {
    return this.present ? (this.card?.id ?? null) : null;
  }

  /** Put a card on the reader (null: take it off). With the `late` fault it lands after `lateMs`. */
  placeCard(card: CardFixture | null): void {
    if (this.lateTimer) clearTimeout(this.lateTimer);
    this.lateTimer = null;
    if (!card) {
      this.present = false;
      this.selected = false;
      this.locked = false;
      return;
    }
    const land = () => {
      this.card = card;
      this.present = true;
      this.selected = false;
      this.locked = this.faults.has('lockup');
      this.usedThisPlacement = new Set();
    };
    if (this.faults.has('late')) this.lateTimer = setTimeout(land, this.opts.lateMs ?? 1500);
    else land();
  }

  receive(chunk: Uint8Array): void {
    for (const e of this.decoder.push(chunk)) {
      if (this.deaf()) continue;
      if (e.kind === 'command') this.schedule(e.cmd, e.para, 10 + e.data.length);
      else if (e.kind === 'badChecksum') this.answerLater(encodeResponse(0x10), 10);
      else if (e.kind === 'badLength') this.answerLater(encodeResponse(0x11), 10);
    }
  }

  /** Stop timers and drop queued output (unplug or shutdown). */
  stop(): void {
    if (this.lateTimer) clearTimeout(this.lateTimer);
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    this.out.clear();
  }

  private deaf(): boolean {
    return this.hostBaud !== null && this.hostBaud !== this.baud;
  }

  /** Answer after the command's own wire time (it only just arrived at pty speed) plus processing. */
  private schedule(cmd: number, para: number, commandBytes: number): void {
    this.events.emit('command', { cmd, para, at: performance.now() });
    if (this.heldAnswer) this.emitFrame(this.heldAnswer);
    this.heldAnswer = null;
    const answer = this.answer(cmd, para);
    if (answer) this.answerLater(answer, commandBytes);
  }

  private answerLater(frame: Uint8Array, commandBytes: number): void {
    const delay = (this.opts.pacing === false ? 0 : wireMs(commandBytes, this.baud)) + (this.opts.processingMs ?? 0);
    const t = setTimeout(() => {
      this.pending.delete(t);
      this.emitFrame(frame);
    }, delay);
    this.pending.add(t);
  }

  private emitFrame(frame: Uint8Array): void {
    if (this.faults.has('garbage')) {
      const junk = Uint8Array.from({ length: 1 + Math.floor(Math.random() * 8) }, () => Math.floor(Math.random() * 0xa9));
      this.out.send(junk);
    }
    if (this.faults.has('split') && frame.length > 4) {
      const a = 1 + Math.floor(Math.random() * (frame.length - 2));
      const b = a + Math.floor(Math.random() * (frame.length - a));
      this.out.send(frame.subarray(0, a));
      this.out.send(frame.subarray(a, b), 15);
      this.out.send(frame.subarray(b), 15);
    } else this.out.send(frame);
    if (this.unplugAfterNextFrame) {
      // Pull the plug once the answer is on the wire.
      this.unplugAfterNextFrame = false;
      void this.out.idle().then(() => this.events.emit('unplug', { at: performance.now() }));
    }
  }

  private once(fault: SimFault): boolean {
    if (!this.faults.has(fault) || this.usedThisPlacement.has(fault)) return false;
    this.usedThisPlacement.add(fault);
    return true;
  }

  /** The reader's answer to one command, or null for silence. */
  private answer(cmd: number, para: number): Uint8Array | null {
    const key = (cmd << 8) | para;
    switch (key) {
      case 0x10ff: // reset SAM: also cures a locked chip
        this.locked = false;
        this.selected = false;
        return encodeResponse(SW3.OK);
      case 0x11ff:
        return encodeResponse(SW3.OK);
      case 0x12ff:
        return encodeResponse(SW3.OK, SAM_ID);
      case 0x2001:
        if (!this.present) return encodeResponse(SW3.FIND_FAILED);
        return encodeResponse(SW3.FIND_OK, new Uint8Array(4));
      case 0x2002:
        if (!this.present) return encodeResponse(SW3.SELECT_FAILED);
        this.selected = true;
        return encodeResponse(SW3.OK, CARD_SERIAL);
      case 0x3001:
      case 0x3010:
        return this.readAnswer(para === 0x10);
      case 0x3003:
        return this.appendedAddressAnswer();
      default:
        if (cmd === 0x60 && para <= 4) {
          const next = [115200, 57600, 38400, 19200, 9600][para]!;
          const t = setTimeout(() => {
            this.baud = next;
            this.out.baud = this.opts.pacing === false ? 0 : next;
          }, 50);
          this.pending.add(t);
          return encodeResponse(SW3.OK);
        }
        return encodeResponse(0x21);
    }
  }

  /** `30 03`: the appended address records, or 91 (none). `addresssilence` never answers; `addresslate` answers only when the next command arrives (after the host gave up waiting). */
  private appendedAddressAnswer(): Uint8Array | null {
    if (this.faults.has('addresssilence')) return null;
    const addr = this.card?.appendedAddress;
    const answer = !this.present || !this.selected ? encodeResponse(0x41) : addr ? encodeResponse(SW3.OK, encodeAppendedAddress(typeof addr === 'string' ? [addr] : addr)) : encodeResponse(SW3.NO_CONTENT);
    if (!this.faults.has('addresslate')) return answer;
    this.heldAnswer = answer;
    return null;
  }

  private readAnswer(fingerprint: boolean): Uint8Array | null {
    if (!this.present || !this.selected || !this.card) return encodeResponse(0x41);
    if (this.locked) return encodeResponse(0x41);
    if (this.once('silence')) return null;
    const frame = encodeResponse(SW3.OK, fixtureReadData(this.card, fingerprint));
    if (this.once('badchecksum')) {
      const bad = frame.slice();
      bad[bad.length - 1]! ^= 0x5a;
      return bad;
    }
    this.events.emit('read', { card: this.card.id, at: performance.now() });
    if (this.faults.has('unplug') && !this.unplugDone) {
      this.unplugDone = true;
      this.unplugAfterNextFrame = true;
    }
    return frame;
  }
}
