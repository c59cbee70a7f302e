import type { Resolution } from '../../common/contract/camera';
import type { JpegFrame, VendorDialect } from './dialect';
import { VendorCameraClient } from './vendor-client';

export interface VendorCameraOptions {
  url: string;
  dialect: VendorDialect;
  device: number;
  timeoutMs?: number;
}

export interface PreviewFrame extends JpegFrame {
  seq: number;
}

/**
 * The vendor backend of the document camera, on the Node side: connects on first use (and again
 * after the service restarts), opens one camera at the largest resolution it offers unless told
 * otherwise, keeps only the newest preview frame (a slow screen skips frames, it never queues them).
 */
export class VendorCamera {
  private client: VendorCameraClient | null = null;
  private connecting: Promise<VendorCameraClient> | null = null;
  private latest: PreviewFrame | null = null;
  private seq = 0;
  private waiters = new Set<() => void>();
  private opened: Resolution | null = null;

  constructor(readonly opts: VendorCameraOptions) {}

  async devices(): Promise<{ index: number; name: string; resolutions: Resolution[] }[]> {
    const c = await this.connection();
    const list = await c.request({ op: 'listDevices' });
    const out = [];
    for (const d of list) out.push({ ...d, resolutions: await c.request({ op: 'listResolutions', device: d.index }) });
    return out;
  }

  /** Opens the configured camera and starts its preview; returns the resolution in use. */
  async open(resolution?: Resolution): Promise<Resolution> {
    const c = await this.connection();
    const offered = await c.request({ op: 'listResolutions', device: this.opts.device });
    const chosen = resolution ?? offered[0];
    if (!chosen) throw new Error(`高拍仪服务没有列出 ${this.opts.device} 号摄像头的分辨率，请在厂商工具中检查摄像头。`);
    if (resolution && !offered.some((r) => r.width === resolution.width && r.height === resolution.height))
      throw new Error(`高拍仪不支持 ${resolution.width}×${resolution.height}，可选：${offered.map((r) => `${r.width}×${r.height}`).join('、')}`);
    await c.request({ op: 'open', device: this.opts.device, resolution: chosen });
    await c.request({ op: 'startPreview' });
    this.opened = chosen;
    return chosen;
  }

  /** The newest frame after `after`, waiting up to `waitMs` for one. */
  async frameAfter(after: number, waitMs: number): Promise<PreviewFrame | null> {
    if (this.latest && this.latest.seq > after) return this.latest;
    if (!waitMs) return null;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.waiters.add(done);
    });
    return this.latest && this.latest.seq > after ? this.latest : null;
  }

  async capture(): Promise<JpegFrame> {
    if (!this.opened) await this.open();
    const c = await this.connection();
    return c.request({ op: 'capture' });
  }

  /** Stops the preview and releases the camera; the connection stays for the next open. */
  async release(): Promise<void> {
    const c = this.client;
    this.opened = null;
    this.latest = null;
    if (!c?.open) return;
    await c.request({ op: 'stopPreview' }).catch(() => undefined);
    await c.request({ op: 'close' }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.release();
    await this.client?.close();
    this.client = null;
  }

  private async connection(): Promise<VendorCameraClient> {
    if (this.client?.open) return this.client;
    this.connecting ??= VendorCameraClient.connect({ url: this.opts.url, dialect: this.opts.dialect, timeoutMs: this.opts.timeoutMs }).then(
      (c) => {
        this.client = c;
        this.opened = null;
        c.onFrame((f) => {
          this.latest = { ...f, seq: ++this.seq };
          for (const w of [...this.waiters]) w();
        });
        void c.closed.then(() => {
          if (this.client === c) this.client = null;
          this.opened = null;
        });
        return c;
      },
    ).finally(() => (this.connecting = null));
    return this.connecting;
  }
}
