import type { DocumentCameraSettings, Resolution } from '../../common/contract/camera';
import { AppError } from '../../common/contract/errors';
import type { JpegFrame } from '../../native/document-camera/dialect';
import { VENDOR_DIALECTS } from '../../native/document-camera/drivers';
import { VendorCamera, type PreviewFrame } from '../../native/document-camera/vendor-camera';
import type { SettingsStore } from '../config/settings-store';

/**
 * The vendor backend of the document camera (高拍仪), in main: one VendorCamera for the configured
 * service, replaced when maintenance changes its address, dialect or device. The UVC backend needs
 * nothing here (getUserMedia runs in the renderer). Page images pass through and are never kept or
 * logged here: what to store is the materials subsystem's business.
 */
export class CameraService {
  private camera: VendorCamera | null = null;
  private key = '';
  private readonly stopWatching: () => void;

  constructor(private readonly settings: SettingsStore) {
    this.stopWatching = settings.onChange((next, prev) => {
      if (keyOf(next.documentCamera) !== keyOf(prev.documentCamera)) void this.drop();
    });
  }

  config(): DocumentCameraSettings {
    return this.settings.get().documentCamera;
  }

  devices() {
    return this.run((c) => c.devices());
  }

  async open(resolution?: Resolution): Promise<{ device: number; resolution: Resolution }> {
    const chosen = await this.run((c) => c.open(resolution));
    return { device: this.config().vendorDevice, resolution: chosen };
  }

  preview(after: number, waitMs: number): Promise<PreviewFrame | null> {
    return this.run((c) => c.frameAfter(after, waitMs));
  }

  capture(): Promise<JpegFrame> {
    return this.run((c) => c.capture());
  }

  release(): Promise<void> {
    return this.camera ? this.camera.release() : Promise.resolve();
  }

  async close(): Promise<void> {
    this.stopWatching();
    await this.drop();
  }

  /** Runs on the current vendor camera; its failures reach the clerk as DEVICE_ERROR with their Chinese reason. */
  private async run<T>(fn: (c: VendorCamera) => Promise<T>): Promise<T> {
    const s = this.config();
    if (s.backend !== 'vendor') throw new AppError('NOT_AVAILABLE', '本窗口的高拍仪设为 USB 摄像头（UVC），不使用厂商服务。如需更改，请到“运维 → 设备 → 高拍仪”。');
    if (!this.camera || this.key !== keyOf(s)) {
      await this.drop();
      this.camera = new VendorCamera({ url: s.vendorUrl, dialect: VENDOR_DIALECTS[s.vendorDriver], device: s.vendorDevice });
      this.key = keyOf(s);
    }
    try {
      return await fn(this.camera);
    } catch (err) {
      throw new AppError('DEVICE_ERROR', (err as Error).message);
    }
  }

  private async drop(): Promise<void> {
    const c = this.camera;
    this.camera = null;
    await c?.close().catch(() => undefined);
  }
}

const keyOf = (s: DocumentCameraSettings) => `${s.backend}|${s.vendorDriver}|${s.vendorUrl}|${s.vendorDevice}`;
