import type { DeviceConfig, DriverContext } from '../devices';
import { HidScannerDriver, isHidPath } from './hid-scanner-driver';
import { SCANNER_DEFAULT_BAUD, SerialScannerDriver, type DeviceScan } from './serial-scanner-driver';

export interface ReadScansOptions {
  baud?: number;
  /** How the scanner ends a code and the idle gap that also ends one (serial scanners). */
  suffix?: DeviceConfig['scanSuffix'];
  gapMs?: number;
  /** Stop after this many scans. */
  count: number;
  /** Give up after this long with the scans so far (ms); none → wait for ever. */
  timeoutMs?: number;
  onScan(scan: DeviceScan): void;
  onRejected?(message: string): void;
}

/**
 * Reads scans from a serial or HID POS scanner outside the DeviceManager, with the same drivers: what
 * `yichuang scanner read` does. Resolves with the number read; rejects with a Chinese message when
 * the port cannot be opened, goes away, or the time runs out first.
 */
export async function readScans(port: string, opts: ReadScansOptions): Promise<number> {
  let read = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const ctx: DriverContext = {
    device: { id: 'scanner', kind: 'scanner', port, baud: opts.baud ?? SCANNER_DEFAULT_BAUD, scanSuffix: opts.suffix, scanGapMs: opts.gapMs },
    path: port,
    recordFrame: () => undefined,
    setState: (state, reason) => {
      if (state === 'error' && reason) opts.onRejected?.(reason);
    },
    emit: (name, payload) => {
      if (name !== 'scan' || read >= opts.count) return;
      read++;
      opts.onScan(payload as DeviceScan);
      if (read >= opts.count) done();
    },
  };
  const driver = isHidPath(port) ? new HidScannerDriver(ctx) : new SerialScannerDriver(ctx);
  await driver.open();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<string>((resolve) => {
    if (opts.timeoutMs !== undefined) timer = setTimeout(() => resolve(`等待扫码超时：${opts.timeoutMs} 毫秒内只读到 ${read} 次`), opts.timeoutMs);
  });
  try {
    const ended = await Promise.race([finished.then(() => null), driver.closed.then((r) => `扫码枪连接中断：${r}`), timedOut]);
    if (ended !== null) throw new Error(ended);
    return read;
  } finally {
    clearTimeout(timer);
    await driver.close();
  }
}

