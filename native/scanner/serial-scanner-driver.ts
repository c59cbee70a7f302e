import type { DeviceDriver, DeviceKindSpec, DriverContext, DriverOpenInfo } from '../devices';
import { performance } from 'node:perf_hooks';
import { SerialScanDecoder, type SerialScanItem } from './serial-scan-decoder';
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
 * A serial (USB CDC) scanner under the DeviceManager: one scan per code, framed by the configured
 * suffix and idle gap (`scanSuffix`, `scanGapMs` of the device; scan-framer.ts). A bad scan (too
 * long) is reported in the status and skipped; the next good scan clears it.
 */
export class SerialScannerDriver implements DeviceDriver {
  private link: SerialLink | null = null;
  private readonly decoder: SerialScanDecoder;
  private scans = 0;
  private rejected = 0;
  private lastEncoding: string | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private settleClosed!: (reason: string) => void;
  readonly closed = new Promise<string>((resolve) => (this.settleClosed = resolve));

  constructor(
    private readonly ctx: DriverContext,
    encoding: EncodingSetting = 'auto',
  ) {
    this.decoder = new SerialScanDecoder({ encoding, suffix: ctx.device.scanSuffix, gapMs: ctx.device.scanGapMs });
  }

  async open(): Promise<DriverOpenInfo> {
    const baud = this.ctx.device.baud ?? SCANNER_DEFAULT_BAUD;
    const link = await openSerialLink(this.ctx.path, baud);
    this.link = link;
    link.onData((chunk) => this.receive(chunk));
    void link.closed.then((reason) => this.settleClosed(reason));
    const { suffix, gapMs } = this.decoder.framing;
    return { baud, details: { encoding: 'auto', suffix, gapMs } };
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.decoder.reset();
    if (link) await link.close();
    else this.settleClosed('已关闭');
  }

  diagnostics(): Record<string, string | number | boolean | null> {
    const { suffix, gapMs } = this.decoder.framing;
    return { scans: this.scans, rejectedLines: this.rejected, lastEncoding: this.lastEncoding, suffix, gapMs };
  }

  private receive(chunk: Buffer): void {
    this.ctx.recordFrame('rx', chunk);
    this.deliver(this.decoder.push(chunk, performance.now()));
    this.armIdle();
  }

  /** One timer at the decoder's deadline: a scan waiting for the gap ends when it passes. */
  private armIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const deadline = this.decoder.deadline();
    if (deadline === null || !this.link) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      this.deliver(this.decoder.idle(performance.now()));
      this.armIdle();
    }, Math.max(0, deadline - performance.now()) + 1);
  }

  private deliver(items: SerialScanItem[]): void {
    for (const item of items) {
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
