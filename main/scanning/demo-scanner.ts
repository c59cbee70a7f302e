import type { DeviceConfig } from '../../native/devices';
import { ScannerSimulator } from '../../native/scanner/sim/scanner-simulator';

export const DEMO_SCANNER_ID = 'scanner-demo';

/**
 * Demo / training mode: a serial scanner simulated on a real pty and configured in the
 * DeviceManager like a real one, so `devices.simulateScan` goes pty → driver → `scan` event.
 */
export class DemoScanner {
  private constructor(private readonly sim: ScannerSimulator) {}

  static async start(): Promise<DemoScanner> {
    return new DemoScanner(await ScannerSimulator.start());
  }

  get device(): DeviceConfig {
    return { id: DEMO_SCANNER_ID, kind: 'scanner', port: this.sim.path, baud: 9600, model: '模拟扫码枪（演示/培训）', scanSuffix: 'CRLF' };
  }

  /** Sends one scan as a QR code would arrive (AIM `]Q1`, UTF-8, CR LF). */
  scan(text: string, aimId = ']Q1'): void {
    this.sim.scan({ text, aimId, encoding: 'utf8', ending: '\r\n' });
  }

  close(): Promise<void> {
    return this.sim.close();
  }
}
