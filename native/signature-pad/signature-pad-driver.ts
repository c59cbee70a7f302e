import type { DeviceDriver, DeviceKindSpec, DriverContext, DriverOpenInfo } from '../devices';
import { listHidDevices, openNodeHid, type HidDeviceInfo, type HidTransport } from '../scanner/hid-transport';
import { BUILT_IN_PAD_MODELS, findPadModel, GENERIC_PAD_MODEL_KEY, padKnownDevices, type PadModel } from './pad-models';
import { StrokeAssembler, type PadOutput } from './stroke-assembler';
import type { SignaturePadDeviceEvent } from './types';

declare module '../devices/events' {
  interface DeviceEventMap {
    /** A stroke drawn on a signature pad (pen up), or one of its keys pressed: 确认 / 重签 / 取消. */
    signaturePad: SignaturePadDeviceEvent;
  }
}

export interface PadDriverDeps {
  open(path: string): Promise<HidTransport>;
  list(): Promise<HidDeviceInfo[]>;
  /** Monotonic milliseconds for point times (tests replay recorded times). */
  now(): number;
}

const nodeHid: PadDriverDeps = {
  open: (path) => openNodeHid(path, 'HID 签名板'),
  list: listHidDevices,
  now: () => performance.now(),
};

/**
 * A HID signature pad under the DeviceManager. The model comes from the configuration (a key of the
 * model table) or from the device's VID/PID; its init feature reports are sent on open. Bad reports
 * are dropped and counted (diagnostics), never thrown; a stroke being drawn when the link ends is
 * still handed over.
 */
export class SignaturePadDriver implements DeviceDriver {
  private assembler: StrokeAssembler | null = null;
  private transport: HidTransport | null = null;
  private settleClosed!: (reason: string) => void;
  readonly closed = new Promise<string>((resolve) => (this.settleClosed = resolve));
  private warnedDrop = false;

  constructor(
    private readonly ctx: DriverContext,
    private readonly models: readonly PadModel[] = BUILT_IN_PAD_MODELS,
    private readonly deps: PadDriverDeps = nodeHid,
  ) {}

  async open(): Promise<DriverOpenInfo> {
    const model = await this.model();
    const transport = await this.deps.open(this.ctx.path);
    const assembler = new StrokeAssembler(model);
    this.transport = transport;
    this.assembler = assembler;
    transport.onReport((report) => {
      this.ctx.recordFrame('rx', report);
      const dropped = assembler.counters.dropped;
      this.emitAll(assembler.push(report, this.deps.now()));
      if (assembler.counters.dropped > dropped && !this.warnedDrop) {
        this.warnedDrop = true; // once per connection: a pad sending junk at 200 Hz must not flood the log
        this.ctx.log?.warn({ device: this.ctx.device.id, reason: assembler.lastDropReason }, 'signature pad report dropped');
      }
    });
    transport.onClose((reason) => {
      this.emitAll(assembler.flush());
      this.settleClosed(reason);
    });
    try {
      for (const feature of model.init) await transport.sendFeatureReport(feature);
    } catch (err) {
      await transport.close();
      throw new Error(`无法初始化签名板（${model.name}）：${(err as Error).message}。请重新插拔签名板后重试。`, { cause: err });
    }
    return { baud: 0, details: { model: model.name, modelKey: model.key, layoutSource: model.source.kind } };
  }

  async close(): Promise<void> {
    const t = this.transport;
    this.transport = null;
    if (t) await t.close();
    this.settleClosed('已关闭');
  }

  diagnostics(): Record<string, string | number | boolean | null> {
    const a = this.assembler;
    if (!a) return { model: null };
    const c = a.counters;
    return {
      model: a.model.name,
      strokes: c.strokes,
      points: c.points,
      reports: c.reports,
      droppedReports: c.dropped,
      ignoredReports: c.ignored,
      clampedValues: c.clamped,
      lastDropReason: a.lastDropReason,
    };
  }

  private emitAll(outputs: PadOutput[]): void {
    for (const o of outputs) this.ctx.emit('signaturePad', { ...o, deviceId: this.ctx.device.id, at: new Date().toISOString() });
  }

  private async model(): Promise<PadModel> {
    const byKey = this.models.find((m) => m.key === this.ctx.device.model);
    if (byKey) return byKey;
    const info = (await this.deps.list().catch(() => [])).find((d) => d.path === this.ctx.path);
    if (info) return findPadModel(info.vendorId, info.productId, this.models);
    return this.models.find((m) => m.key === GENERIC_PAD_MODEL_KEY) ?? findPadModel('*', '*', this.models);
  }
}

/** The `signaturePad` kind: HID pads per the model table (built-in, or with a file's models). */
export function signaturePadKind(opts: { models?: readonly PadModel[]; deps?: Partial<PadDriverDeps> } = {}): DeviceKindSpec {
  const models = opts.models ?? BUILT_IN_PAD_MODELS;
  const deps = { ...nodeHid, ...opts.deps };
  return {
    kind: 'signaturePad',
    label: '签名板',
    defaultBaud: 0,
    knownDevices: padKnownDevices(models),
    create: (ctx) => new SignaturePadDriver(ctx, models, deps),
  };
}
