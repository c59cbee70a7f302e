import { AppError } from '../../common/contract/errors';
import type { EventPayload } from '../../common/contract';
import { splitAimPrefix } from '../../native/scanner/aim';
import type { DeviceService } from '../devices/device-service';
import type { DemoScanner } from './demo-scanner';
import type { EvaluatorService } from './evaluator-service';

/**
 * Scans from every source become one contract `scan` event: serial and HID scanners through the
 * DeviceManager, keyboard-wedge bursts reported by the renderer, and the demo scanner.
 */
export class ScanningService {
  private offs: Array<() => void> = [];

  constructor(
    private readonly devices: DeviceService,
    private readonly publishScan: (payload: EventPayload<'scan'>) => void,
    readonly evaluators: EvaluatorService,
    /** Demo / training mode: the simulated scanner, started in the background (it rejects when its pty could not start). */
    private readonly demo: Promise<DemoScanner> | null,
  ) {}

  start(): void {
    this.evaluators.start();
    this.offs.push(
      this.devices.events.on('scan', (s) => this.publishScan({ text: s.text, symbology: s.symbology, source: s.source, device: s.deviceId })),
      this.devices.events.on('rating', (r) => this.evaluators.walkUp(r)),
    );
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
    this.evaluators.stop();
  }

  /** A wedge burst caught in the renderer; an AIM prefix typed by the scanner is mapped like a serial one. */
  wedge(text: string, symbology?: string): void {
    const split = splitAimPrefix(text);
    if (split.data.length === 0) throw new AppError('INVALID_INPUT', '扫码内容为空。');
    this.publishScan({ text: split.data, symbology: symbology ?? split.symbology, source: 'wedge', device: 'keyboard' });
  }

  /** Demo / training only: the simulated scanner sends `text` over its pty (a call while it starts waits for it). */
  async simulateScan(text: string): Promise<{ device: string }> {
    if (!this.demo) throw new AppError('NOT_AVAILABLE', '模拟扫码只在演示/培训模式下可用。');
    const scanner = await this.demo.catch((err: unknown) => {
      throw new AppError('NOT_AVAILABLE', `模拟扫码枪无法启动（${err instanceof Error ? err.message : String(err)}），请用键盘录入编号。`);
    });
    scanner.scan(text);
    return { device: scanner.device.id };
  }
}
