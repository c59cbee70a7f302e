import { toBase64 } from '../../../native/document-camera/dialect';
import type { Services } from '../services';
import type { Handlers } from '../router';

/** The vendor document-camera backend; images pass through as base64 and are not kept here. */
export function cameraHandlers(s: Services): Handlers {
  return {
    'camera.settings': () => s.camera.config(),
    'camera.vendorDevices': async () => ({ devices: await s.camera.devices() }),
    'camera.vendorOpen': (input) => s.camera.open(input?.resolution),
    'camera.vendorPreview': async ({ after, waitMs }) => {
      const f = await s.camera.preview(after, waitMs ?? 1000);
      return { frame: f && { seq: f.seq, width: f.width, height: f.height, jpeg: toBase64(f.jpeg) } };
    },
    'camera.vendorCapture': async () => {
      const still = await s.camera.capture();
      return { jpeg: toBase64(still.jpeg), width: still.width, height: still.height };
    },
    'camera.vendorClose': async () => {
      await s.camera.release();
      return { ok: true as const };
    },
  };
}
