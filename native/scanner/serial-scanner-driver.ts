import type { DeviceDriver, DeviceKindSpec, DriverContext, DriverOpenInfo } from '../devices';
import { SerialScanDecoder } from './serial-scan-decoder';
import { openSerialLink, type SerialLink } from './serial-port-link';
import type { ScanResult } from './scan-result';
import type { EncodingSetting } from './text-decoding';

/** What a scanner driver emits into main: the contract's `scan` event, plus what it was decoded as. */
export interface DeviceScan extends ScanResult {
  deviceId: string;
  source: 'serial' | 'hid';
  at: string;
}

declare module '../devices/events' {
  interface DeviceEventMap {
    scan: DeviceScan;
  }
}

export const SCANNER_DEFAULT_BAUD = 9600;

/**
 * A serial (USB CDC) scanner under the DeviceManager: one scan per line. A bad line (too long) is
 * reported in the status and skipped; the next good scan clears it.
 */
export class SerialScannerDriver implements DeviceDriver {
  private link: SerialLink | null = null;
  private readonly decoder: SerialScanDecoder;
  private scans = 0;
  private rejected = 0;
  private lastEncoding: string | null = null;
  private settleClosed!: (reason: string) => void;
  readonly closed = new Promise<string>((resolve) => (this.settleClosed = resolve));

  constructor(
    private readonly ctx: DriverContext,
    encoding: EncodingSetting = 'auto',
  ) {
    this.decoder = new SerialScanDecoder({ encoding });
  }

  async open(): Promise<DriverOpenInfo> {
    const baud = this.ctx.device.baud ?? SCANNER_DEFAULT_BAUD;
    const link = await openSerialLink(this.ctx.path, baud);
    this.link = link;
    link.onData((chunk) => this.receive(chunk));
    void link.closed.then((reason) => this.settleClosed(reason));
    return { baud, details: { encoding: 'auto' } };
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = null;
    if (link) await link.close();
    else this.settleClosed('已关闭');
  }

  diagnostics(): Record<string, string | number | boolean | null> {
    return { scans: this.scans, rejectedLines: this.rejected, lastEncoding: this.lastEncoding };
  }

  private receive(chunk: Buffer): void {
    this.ctx.recordFrame('rx', chunk);
    for (const item of this.decoder.push(chunk)) {
      if ('error' in item) {
        this.rejected++;
        this.ctx.log?.warn({ device: this.ctx.device.id, code: item.error.code }, 'scanner line rejected');
        this.ctx.setState('error', item.error.message);
        continue;
      }
      this.scans++;
      this.lastEncoding = item.scan.encoding;
      if (this.rejected > 0) this.ctx.setState('connected');
      this.ctx.emit('scan', { ...item.scan, deviceId: this.ctx.device.id, source: 'serial', at: new Date().toISOString() });
    }
  }
}

export const serialScannerKind: DeviceKindSpec = {
  kind: 'scanner',
  label: '扫码枪',
  defaultBaud: SCANNER_DEFAULT_BAUD,
  create: (ctx) => new SerialScannerDriver(ctx),
};
