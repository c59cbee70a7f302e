import type { CameraBackend, Resolution } from '../../../../common/contract/camera';

/**
 * One capture interface for the document camera (高拍仪), whichever backend drives it:
 * `uvc` (getUserMedia here in the renderer, uvcCamera.ts) or `vendor` (the vendor's local service,
 * reached through main: vendorCamera.ts). The capture dialog only ever sees this.
 */
export interface DocumentCamera {
  readonly backend: CameraBackend;
  /** Opens the camera at the largest resolution it offers and starts the live preview. */
  start(): Promise<CameraStarted>;
  /** A still at the open resolution. */
  capture(): Promise<Still>;
  /** Stops the preview and releases the camera. Idempotent. */
  stop(): Promise<void>;
}

export interface CameraStarted {
  resolution: Resolution;
  /** What the preview shows: a live stream (UVC) or frames pushed one by one (vendor service). */
  preview: { kind: 'stream'; stream: MediaStream } | { kind: 'frames'; subscribe(show: (url: string) => void): () => void };
  /** A Chinese note for the clerk, e.g. the camera gives less than the page needs; null when all is well. */
  note: string | null;
}

/** A captured frame, decoded: what page processing works on. */
export interface Still {
  image: ImageBitmap;
  width: number;
  height: number;
  /** When the capture was asked for (performance.now()), for the capture → stored measure. */
  askedAt: number;
}

export interface CameraDeviceInfo {
  id: string;
  label: string;
}
