import type { HidPosModel } from './hid-models';
import { HidPosAssembler } from './hid-pos-report';
import type { HidTransport } from './hid-transport';
import { ScannerError, type ScanResult } from './scan-result';
import type { EncodingSetting } from './text-decoding';

export interface HidPosScannerEvents {
  scan(result: ScanResult): void;
  error(error: ScannerError): void;
  report?(report: Uint8Array): void;
}

/**
 * A HID POS scanner on an open transport: sends the model's mode switch if it needs one, then turns
 * reports into scans. Bad reports are reported and skipped; the scanner keeps working.
 */
export class HidPosScanner {
  private readonly assembler: HidPosAssembler;
  readonly closed: Promise<string>;

  constructor(
    private readonly transport: HidTransport,
    readonly model: HidPosModel,
    private readonly on: HidPosScannerEvents,
    encoding: EncodingSetting = 'auto',
  ) {
    this.assembler = new HidPosAssembler(model.layout, encoding);
    this.closed = new Promise((resolve) => transport.onClose(resolve));
    transport.onReport((report) => this.handle(report));
  }

  async start(): Promise<void> {
    if (!this.model.enterPosMode) return;
    try {
      await this.transport.sendFeatureReport(this.model.enterPosMode);
    } catch (err) {
      throw new ScannerError('TRANSPORT', `无法把扫码枪切换到 HID POS 模式：${(err as Error).message}`);
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private handle(report: Uint8Array): void {
    this.on.report?.(report);
    const out = this.assembler.push(report);
    if (out === null) return;
    if (out instanceof ScannerError) this.on.error(out);
    else this.on.scan(out);
  }
}
