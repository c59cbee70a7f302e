import type { DeviceDriver, DeviceKindSpec, DriverContext, DriverOpenInfo } from '../devices';
import { LineSplitter } from '../scanner/line-splitter';
import { openSerialLink, type SerialLink } from '../scanner/serial-port-link';
import { PendingPrompt, type Evaluator, type RatingOutcome, type RatingPromptRequest, type WalkUpRating } from './evaluator';
import type { EvaluatorHub } from './evaluator-hub';
import { formatHostLine, MAX_EVALUATOR_LINE_BYTES, parseDeviceLine, type DeviceLine, type HostLine } from './line-protocol';

declare module '../devices/events' {
  interface DeviceEventMap {
    /** A key pressed on an idle keypad: a rating with no prompt. */
    rating: WalkUpRating;
  }
}

export const EVALUATOR_DEFAULT_BAUD = 9600;
const HELLO_TIMEOUT_MS = 2000;

/**
 * A serial 好差评 keypad speaking PROTOCOL.md. Under the DeviceManager it is a driver (open,
 * identify, close); while open it is also an Evaluator in the hub, so main can prompt it.
 */
export class SerialKeypadDriver implements DeviceDriver, Evaluator {
  readonly channel = 'evaluator' as const;
  private link: SerialLink | null = null;
  private readonly splitter = new LineSplitter(MAX_EVALUATOR_LINE_BYTES);
  private readonly pending = new PendingPrompt();
  private helloWaiter: ((line: Extract<DeviceLine, { type: 'hello' }>) => void) | null = null;
  private model: string | null = null;
  private firmware: string | null = null;
  private ratings = 0;
  private settleClosed!: (reason: string) => void;
  readonly closed = new Promise<string>((resolve) => (this.settleClosed = resolve));

  constructor(
    private readonly ctx: DriverContext,
    private readonly hub: EvaluatorHub,
  ) {}

  get deviceId(): string {
    return this.ctx.device.id;
  }

  async open(): Promise<DriverOpenInfo> {
    const baud = this.ctx.device.baud ?? EVALUATOR_DEFAULT_BAUD;
    const link = await openSerialLink(this.ctx.path, baud);
    this.link = link;
    link.onData((chunk) => this.receive(chunk));
    void link.closed.then((reason) => this.finish(reason));
    const hello = await this.identify();
    this.model = hello.model;
    this.firmware = hello.firmware;
    this.hub.add(this);
    return { baud, details: { model: hello.model, firmware: hello.firmware } };
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = null;
    if (link) await link.close();
    this.finish('已关闭');
  }

  diagnostics(): Record<string, string | number | boolean | null> {
    return { model: this.model, firmware: this.firmware, ratings: this.ratings, pendingPrompt: this.pending.promptId };
  }

  prompt(request: RatingPromptRequest): Promise<RatingOutcome> {
    if (!this.link) return Promise.resolve({ outcome: 'failed', message: '评价器未连接' });
    const result = this.pending.begin(request);
    const timeoutSec = Math.max(1, Math.round(request.timeoutMs / 1000));
    this.send({ type: 'prompt', promptId: request.promptId, timeoutSec, caseLabel: request.caseLabel }).catch((err: Error) =>
      this.pending.settle(request.promptId, { outcome: 'failed', message: err.message }),
    );
    return result;
  }

  cancel(promptId: string): boolean {
    if (!this.pending.settle(promptId, { outcome: 'cancelled' })) return false;
    void this.send({ type: 'cancel', promptId }).catch(() => undefined);
    return true;
  }

  private identify(): Promise<Extract<DeviceLine, { type: 'hello' }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.helloWaiter = null;
        reject(new Error('评价器没有应答 HELLO：请检查波特率，或确认设备支持一窗评价器协议（PROTOCOL.md）。'));
      }, HELLO_TIMEOUT_MS);
      this.helloWaiter = (line) => {
        clearTimeout(timer);
        this.helloWaiter = null;
        resolve(line);
      };
      this.send({ type: 'hello' }).catch((err: Error) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  private async send(line: HostLine): Promise<void> {
    const link = this.link;
    if (!link) throw new Error('评价器未连接');
    const bytes = Buffer.from(formatHostLine(line), 'utf8');
    this.ctx.recordFrame('tx', bytes);
    await link.write(bytes);
  }

  private receive(chunk: Buffer): void {
    this.ctx.recordFrame('rx', chunk);
    for (const item of this.splitter.push(chunk)) {
      if ('error' in item) {
        this.ctx.log?.warn({ device: this.deviceId }, 'evaluator line too long');
        continue;
      }
      this.handle(parseDeviceLine(item.line.toString('utf8')));
    }
  }

  private handle(line: DeviceLine): void {
    switch (line.type) {
      case 'hello':
        this.helloWaiter?.(line);
        return;
      case 'rate':
        this.ratings++;
        if (line.promptId === null) {
          this.ctx.emit('rating', { deviceId: this.deviceId, level: line.level, reasons: line.reasons, at: new Date().toISOString() });
          return;
        }
        this.pending.settle(line.promptId, { outcome: 'rated', level: line.level, reasons: line.reasons });
        // Acknowledge even a late rating, so the device stops waiting and shows its thanks.
        void this.send({ type: 'ok', promptId: line.promptId }).catch(() => undefined);
        return;
      case 'timeout':
        this.pending.settle(line.promptId, { outcome: 'timeout' });
        return;
      case 'err':
        if (this.pending.promptId) this.pending.fail(`评价器拒绝了指令（${line.code}${line.text ? '：' + line.text : ''}）`);
        this.ctx.log?.warn({ device: this.deviceId, code: line.code }, 'evaluator error');
        return;
      case 'unknown':
        this.ctx.log?.debug({ device: this.deviceId, line: line.line.slice(0, 80) }, 'evaluator: unknown line ignored');
        return;
      case 'ack':
      case 'pong':
        return;
    }
  }

  private finish(reason: string): void {
    this.hub.remove(this);
    this.pending.fail(`评价器已断开：${reason}`);
    this.settleClosed(reason);
  }
}

export function serialKeypadKind(hub: EvaluatorHub): DeviceKindSpec {
  return {
    kind: 'evaluator',
    label: '好差评评价器',
    defaultBaud: EVALUATOR_DEFAULT_BAUD,
    create: (ctx: DriverContext) => new SerialKeypadDriver(ctx, hub),
  };
}
