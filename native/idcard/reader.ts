import type { DeviceDriver, DriverContext, DriverOpenInfo } from '../devices/driver';
import { encodeFrame } from './frame-decoder';
import { SerialLink, wireMs } from '../serial/serial-link';
import { APPENDED_ADDRESS_MAX_BYTES, carriesAddress, decodeAppendedAddress } from './appended-address';
import { decodeReadData } from './card-decode';
import type { IdCardReading } from './card';
import type { CardLayout } from './card-layouts';
import { commandFrame, ResponseDecoder, type CommandName, type ResponseEvent } from './codec';
import { formatSamId } from './sam-id';
import { SW3 } from './status-codes';

export interface IdCardReaderOptions {
  /** Fixed baud; absent → probe 115200, then 9600, with `read SAM id`. */
  baud?: number;
  /** Idle time between two `find` polls. */
  pollIntervalMs?: number;
  /** Use `30 10` (text + photo + fingerprint) instead of `30 01`. */
  fingerprint?: boolean;
  /** Consecutive failed reads before a SAM reset (cures a chip locked up under a constant field). */
  samResetAfter?: number;
  /** Consecutive unanswered polls before the link is given up (the manager then reconnects and re-probes). */
  silentLimit?: number;
  layouts?: readonly CardLayout[];
  openLink?: (path: string, baud: number) => Promise<SerialLink>;
}

export const AUTO_BAUDS = [115200, 9600] as const;

type Answer = { kind: 'response' | 'status'; code: number; meaning: string; data: Uint8Array } | { kind: 'timeout' } | { kind: 'framing'; what: string };
type Accept = (e: Extract<ResponseEvent, { kind: 'response' | 'status' }>) => boolean;

const anyAnswer: Accept = () => true;
/** Guards against a late answer to an earlier command being taken for this one. */
const ACCEPT: Partial<Record<CommandName, Accept>> = {
  // 91 only ever answers `30 03`: a late one must not pass for "no card" (that would read the card twice).
  findCard: (e) => e.status.code === SW3.FIND_OK || e.status.code === SW3.FIND_FAILED || (e.kind === 'status' && e.status.code !== SW3.NO_CONTENT),
  readSamId: (e) => e.kind === 'status' || e.data.length >= 16,
  readText: (e) => e.kind === 'status' || e.data.length >= 4,
  readTextFingerprint: (e) => e.kind === 'status' || e.data.length >= 6,
  selectCard: (e) => e.kind === 'status' || e.data.length < 64,
  // Records of 70 bytes: neither a select answer (8) nor a text read (≥ 1280).
  readAppendedAddress: (e) => e.kind === 'status' || (e.data.length > 8 && e.data.length <= APPENDED_ADDRESS_MAX_BYTES),
};

/**
 * The ID card reader driver: probes the baud, then polls find → select → read, once per card
 * placement (a card left on the reader is read again only after a find has failed once), resets the
 * SAM after repeated failures, and never waits without a timeout.
 */
export class IdCardReader implements DeviceDriver {
  readonly closed: Promise<string>;
  private end!: (reason: string) => void;
  private link: SerialLink | null = null;
  private readonly decoder = new ResponseDecoder();
  private waiter: { accept: Accept; resolve: (a: Answer) => void } | null = null;
  /**
   * The frame log would fill with idle polls in a second: a find whose answer repeats the previous
   * find's is not logged (counted in `idlePolls`), so the log keeps the exchanges worth reading.
   */
  private pendingFindTx: Uint8Array | null = null;
  private lastFindCode: number | null = null;
  private running = false;
  private closing = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeSleep: (() => void) | null = null;
  private baud = 0;
  private readonly diag = {
    samId: null as string | null,
    idlePolls: 0,
    reads: 0,
    failures: 0,
    samResets: 0,
    timeouts: 0,
    badFrames: 0,
    /** Cards reported without their appended address because its (optional) read failed. */
    appendedAddressFailures: 0,
    lastError: null as string | null,
  };
  private shownState: 'connected' | 'reading' | 'error' = 'connected';

  constructor(
    private readonly ctx: DriverContext,
    private readonly opts: IdCardReaderOptions = {},
  ) {
    this.closed = new Promise((resolve) => (this.end = resolve));
  }

  async open(): Promise<DriverOpenInfo> {
    const bauds = this.opts.baud ? [this.opts.baud] : [...AUTO_BAUDS];
    const open = this.opts.openLink ?? ((p, b) => SerialLink.open(p, b));
    const link = await open(this.ctx.path, bauds[0]!);
    this.link = link;
    link.onData((chunk) => this.onBytes(chunk));
    void link.closed.then((reason) => this.finish(reason));
    for (const b of bauds) {
      await link.setBaud(b);
      this.decoder.reset();
      this.baud = b;
      const ans = await this.transact('readSamId', this.shortTimeout(26), 1);
      if (ans.kind === 'response') {
        this.diag.samId = formatSamId(ans.data);
        this.running = true;
        this.loopDone = this.loop().catch((err: unknown) => this.finish(`读卡循环异常：${String(err)}`));
        return { baud: b, details: this.diagnostics() };
      }
      if (ans.kind === 'status') {
        await link.close();
        throw new Error(`阅读器模块报告错误：${ans.meaning}（${ans.code.toString(16).toUpperCase()}），请联系运维人员检查 SAM 模块。`);
      }
    }
    await link.close();
    throw new Error(`阅读器无应答：已尝试 ${bauds.join('、')} 波特率。请检查阅读器电源、串口线和串口号。`);
  }

  diagnostics(): Record<string, string | number | boolean | null> {
    return { ...this.diag, baud: this.baud || null };
  }

  async close(): Promise<void> {
    this.closing = true;
    this.running = false;
    this.wakeSleep?.();
    this.waiter?.resolve({ kind: 'timeout' });
    await this.link?.close();
    await this.loopDone;
    this.finish('已关闭');
  }

  private finish(reason: string): void {
    this.closing = true;
    this.running = false;
    this.wakeSleep?.();
    this.waiter?.resolve({ kind: 'timeout' });
    this.end(reason);
  }

  // --- the poll loop -------------------------------------------------------------------------

  private async loop(): Promise<void> {
    const poll = this.opts.pollIntervalMs ?? 10;
    const silentLimit = this.opts.silentLimit ?? 25;
    let readThisPlacement = false;
    let failures = 0;
    let silent = 0;
    while (this.running) {
      const find = await this.transact('findCard', this.shortTimeout(25), 0);
      if (!this.running) break;
      if (find.kind === 'timeout' || find.kind === 'framing') {
        silent++;
        if (silent === 3) this.show('error', '阅读器无应答，正在重试');
        if (silent >= silentLimit) {
          this.diag.lastError = '阅读器长时间无应答';
          await this.link?.close();
          this.finish('阅读器长时间无应答，将重新连接');
          break;
        }
        await this.sleep(Math.min(1000, 50 * 2 ** Math.min(silent, 5)));
        continue;
      }
      silent = 0;
      if (find.code !== SW3.FIND_OK) {
        // No card (80) or a failed find: the next card found is a new placement.
        readThisPlacement = false;
        if (this.shownState !== 'connected') this.show('connected');
        await this.sleep(poll);
        continue;
      }
      if (readThisPlacement) {
        await this.sleep(poll);
        continue;
      }
      this.show('reading');
      const result = await this.readCard();
      // A card read in full is reported even if the line dropped during the optional appended-address read.
      if (!this.running && !result.ok) break;
      if (result.ok) {
        readThisPlacement = true;
        failures = 0;
        this.diag.reads++;
        this.ctx.emit('card', { deviceId: this.ctx.device.id, reading: result.reading, at: new Date().toISOString() });
        if (this.running) this.show('connected');
        continue;
      }
      failures++;
      this.diag.failures++;
      this.diag.lastError = result.message;
      this.show('error', result.message);
      if (failures >= (this.opts.samResetAfter ?? 3)) {
        failures = 0;
        this.diag.samResets++;
        this.ctx.log?.warn({ device: this.ctx.device.id }, 'repeated read failures: resetting the SAM');
        await this.transact('resetSam', 1000 + this.shortTimeout(25), 1);
      }
      await this.sleep(Math.min(800, 40 * 2 ** failures));
    }
  }

  private async readCard(): Promise<{ ok: true; reading: IdCardReading } | { ok: false; message: string }> {
    const select = await this.transact('selectCard', this.shortTimeout(30), 1);
    if (select.kind !== 'response') return { ok: false, message: `选卡失败：${describe(select)}，请把证件放稳后重试。` };
    const fp = this.opts.fingerprint ?? false;
    const cmd: CommandName = fp ? 'readTextFingerprint' : 'readText';
    const read = await this.transact(cmd, 1500 + 2 * wireMs(fp ? 2330 : 1310, this.baud), 2);
    if (read.kind !== 'response') return { ok: false, message: `读卡失败：${describe(read)}，请重新放卡。` };
    const decoded = decodeReadData(read.data, { fingerprint: fp, layouts: this.opts.layouts });
    if (!decoded.ok) return { ok: false, message: decoded.error.message };
    const layout = decoded.reading.layout;
    if (layout?.unconfirmed)
      this.ctx.log?.warn({ device: this.ctx.device.id, layout: layout.id, source: layout.note }, 'card decoded by an unconfirmed layout (from one vendor source): check the fields against the card');
    if (carriesAddress(decoded.reading, this.opts.layouts)) {
      decoded.reading.card.appendedAddress = await this.readAppendedAddress();
    }
    return decoded;
  }

  /**
   * 追加地址: one extra exchange, one bounded wait, no retry. 91 → none. Any failure is logged and
   * counted, and the card is reported without it: the optional read never fails the card read.
   */
  private async readAppendedAddress(): Promise<string | null> {
    const ans = await this.transact('readAppendedAddress', this.shortTimeout(10 + 11 + APPENDED_ADDRESS_MAX_BYTES), 0);
    if (ans.kind === 'response') return decodeAppendedAddress(ans.data);
    if (ans.kind === 'status' && ans.code === SW3.NO_CONTENT) return null;
    this.diag.appendedAddressFailures++;
    this.ctx.log?.warn({ device: this.ctx.device.id, problem: describe(ans) }, 'appended address read failed: card reported without it');
    return null;
  }

  private show(state: 'connected' | 'reading' | 'error', reason?: string): void {
    this.shownState = state;
    this.ctx.setState(state, reason);
  }

  // --- one command, one answer ----------------------------------------------------------------

  /** Time for a short exchange of `bytes` on the wire, with room for the reader to think. */
  private shortTimeout(bytes: number): number {
    return 200 + 3 * wireMs(bytes, this.baud || 9600);
  }

  /** Send one command and wait for its answer; retries on silence and broken frames, with back-off. */
  private async transact(name: CommandName, timeoutMs: number, retries: number): Promise<Answer> {
    let last: Answer = { kind: 'timeout' };
    for (let attempt = 0; attempt <= retries && this.link?.isOpen; attempt++) {
      if (attempt > 0) await this.sleep(30 * 2 ** attempt);
      last = await this.once(name, timeoutMs);
      if (last.kind === 'response' || last.kind === 'status') return last;
      if (!this.link?.isOpen) break;
    }
    return last;
  }

  private once(name: CommandName, timeoutMs: number): Promise<Answer> {
    const link = this.link;
    if (!link?.isOpen) return Promise.resolve({ kind: 'timeout' });
    const frame = commandFrame(name);
    return new Promise<Answer>((resolve) => {
      const timer = setTimeout(() => {
        this.diag.timeouts++;
        this.flushFindTx();
        this.lastFindCode = null;
        this.handle(this.decoder.expire());
        done({ kind: 'timeout' });
      }, timeoutMs);
      const done = (a: Answer) => {
        clearTimeout(timer);
        if (this.waiter?.resolve === done) this.waiter = null;
        resolve(a);
      };
      this.waiter = { accept: ACCEPT[name] ?? anyAnswer, resolve: done };
      if (name === 'findCard') this.pendingFindTx = frame;
      else this.ctx.recordFrame('tx', frame);
      link.write(frame).catch((err: unknown) => done({ kind: 'framing', what: `写串口失败：${String(err)}` }));
    });
  }

  private onBytes(chunk: Uint8Array): void {
    this.handle(this.decoder.push(chunk));
  }

  private handle(events: ResponseEvent[]): void {
    for (const e of events) {
      if (e.kind === 'response' || e.kind === 'status') {
        const findAnswer = this.pendingFindTx !== null && this.waiter?.accept(e) === true;
        if (findAnswer && e.status.code === this.lastFindCode) {
          this.pendingFindTx = null;
          this.diag.idlePolls++;
        } else {
          if (findAnswer) this.lastFindCode = e.status.code;
          this.flushFindTx();
          this.ctx.recordFrame('rx', encodeFrame(Uint8Array.of(e.sw1, e.sw2, e.status.code, ...e.data)));
        }
        const w = this.waiter;
        if (w && w.accept(e)) w.resolve({ kind: e.kind, code: e.status.code, meaning: e.status.meaning, data: e.data });
      } else if (e.kind === 'badChecksum' || e.kind === 'badLength') {
        this.diag.badFrames++;
        this.waiter?.resolve({ kind: 'framing', what: e.kind === 'badChecksum' ? '应答校验和错误' : '应答长度错误' });
      }
    }
  }

  private flushFindTx(): void {
    if (this.pendingFindTx) this.ctx.recordFrame('tx', this.pendingFindTx);
    this.pendingFindTx = null;
  }

  private sleep(ms: number): Promise<void> {
    if (this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(t);
        if (self.wakeSleep === done) self.wakeSleep = null;
        resolve();
      }
      this.wakeSleep = done;
    });
  }
}

function describe(a: Answer): string {
  if (a.kind === 'timeout') return '阅读器无应答';
  if (a.kind === 'framing') return a.what;
  return `${a.meaning}（${a.code.toString(16).toUpperCase().padStart(2, '0')}）`;
}
