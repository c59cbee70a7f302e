import type { HidTransport } from './hid-transport';

/**
 * Plays back reports recorded from a scanner (hex strings, one report each) as if a device sent
 * them; records the feature reports the driver sends. No virtual HID devices exist on CI machines.
 */
export class RecordedHidTransport implements HidTransport {
  readonly featureReports: number[][] = [];
  private reportListener: ((r: Uint8Array) => void) | null = null;
  private closeListener: ((reason: string) => void) | null = null;
  closed = false;

  onReport(listener: (report: Uint8Array) => void): void {
    this.reportListener = listener;
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListener = listener;
  }

  async sendFeatureReport(data: number[]): Promise<void> {
    this.featureReports.push([...data]);
  }

  async close(): Promise<void> {
    this.unplug('已关闭');
  }

  /** Deliver reports as the device would: a hex string (`02 0B 5D 51 31 …`) or bytes each. */
  play(reports: ReadonlyArray<string | Uint8Array>): void {
    for (const r of reports) this.reportListener?.(typeof r === 'string' ? hexToBytes(r) : r);
  }

  unplug(reason = 'HID 设备已拔出'): void {
    if (this.closed) return;
    this.closed = true;
    this.closeListener?.(reason);
  }
}

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
