import type { DeviceDriver, DeviceKindSpec, DriverContext, DriverOpenInfo } from '../devices';
import { findHidPosModel, HID_POS_MODELS, type HidPosModel } from './hid-models';
import { HidPosScanner } from './hid-pos-scanner';
import { listHidDevices, openNodeHid, type HidDeviceInfo, type HidTransport } from './hid-transport';
import { SCANNER_DEFAULT_BAUD, SerialScannerDriver } from './serial-scanner-driver';

export interface HidDriverDeps {
  open(path: string): Promise<HidTransport>;
  list(): Promise<HidDeviceInfo[]>;
}

const nodeHid: HidDriverDeps = { open: openNodeHid, list: listHidDevices };

/**
 * A HID POS scanner under the DeviceManager. The model comes from the configuration (a key of
 * hid-models.ts) or from the device's VID/PID; its mode-switch feature report is sent on open.
 */
export class HidScannerDriver implements DeviceDriver {
  private scanner: HidPosScanner | null = null;
  private scans = 0;
  private rejected = 0;
  private settleClosed!: (reason: string) => void;
  readonly closed = new Promise<string>((resolve) => (this.settleClosed = resolve));

  constructor(
    private readonly ctx: DriverContext,
    private readonly deps: HidDriverDeps = nodeHid,
  ) {}

  async open(): Promise<DriverOpenInfo> {
    const model = await this.model();
    const transport = await this.deps.open(this.ctx.path);
    const scanner = new HidPosScanner(transport, model, {
      report: (r) => this.ctx.recordFrame('rx', r),
      scan: (s) => {
        this.scans++;
        if (this.rejected > 0) this.ctx.setState('connected');
        this.ctx.emit('scan', { ...s, deviceId: this.ctx.device.id, source: 'hid', at: new Date().toISOString() });
      },
      error: (e) => {
        this.rejected++;
        this.ctx.setState('error', e.message);
      },
    });
    this.scanner = scanner;
    void scanner.closed.then((reason) => this.settleClosed(reason));
    try {
      await scanner.start();
    } catch (err) {
      await scanner.close();
      throw err;
    }
    return { baud: 0, details: { model: model.name, hidPos: true } };
  }

  async close(): Promise<void> {
    const s = this.scanner;
    this.scanner = null;
    if (s) await s.close();
    this.settleClosed('已关闭');
  }

  diagnostics(): Record<string, string | number | boolean | null> {
    return { model: this.scanner?.model.name ?? null, hidPos: true, scans: this.scans, rejectedReports: this.rejected };
  }

  private async model(): Promise<HidPosModel> {
    const byKey = HID_POS_MODELS.find((m) => m.key === this.ctx.device.model);
    if (byKey) return byKey;
    const info = (await this.deps.list().catch(() => [])).find((d) => d.path === this.ctx.path);
    return info ? findHidPosModel(info.vendorId, info.productId) : findHidPosModel('*', '*');
  }
}

/** HID device paths as node-hid names them: hidraw on Linux, the HID interface path on Windows, IOService on macOS. */
export function isHidPath(path: string): boolean {
  return /^\/dev\/hidraw\d+$/.test(path) || /^\\\\\?\\hid#/i.test(path) || path.startsWith('IOService:');
}

/**
 * The `scanner` kind: HID POS when the port is a HID device path or the model is a HID POS model,
 * else a serial (USB CDC) scanner.
 */
export function scannerKind(deps: HidDriverDeps = nodeHid): DeviceKindSpec {
  return {
    kind: 'scanner',
    label: '扫码枪',
    defaultBaud: SCANNER_DEFAULT_BAUD,
    create: (ctx) =>
      isHidPath(ctx.path) || HID_POS_MODELS.some((m) => m.key === ctx.device.model) ? new HidScannerDriver(ctx, deps) : new SerialScannerDriver(ctx),
  };
}
