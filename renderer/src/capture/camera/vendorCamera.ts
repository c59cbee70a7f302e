import { call } from '../../bridge';
import type { CameraStarted, DocumentCamera, Still } from './DocumentCamera';

/**
 * The vendor-service backend, seen from the renderer: main holds the WebSocket to the vendor's
 * local service (native/document-camera/); here the preview pulls the newest frame, one call at a
 * time (a slow screen skips frames instead of queueing them), and a capture comes back as a JPEG.
 */
export function vendorCamera(): DocumentCamera {
  let running = false;
  return {
    backend: 'vendor',
    async start(): Promise<CameraStarted> {
      const { resolution } = await call('camera.vendorOpen', {});
      running = true;
      const subscribe = (show: (url: string) => void) => {
        let live = true;
        let url: string | null = null;
        void (async () => {
          let after = 0;
          while (live && running) {
            const r = await call('camera.vendorPreview', { after, waitMs: 1000 }).catch(() => null);
            if (!r) await new Promise((res) => setTimeout(res, 500));
            if (!live || !r?.frame) continue;
            after = r.frame.seq;
            const next = URL.createObjectURL(jpegBlob(r.frame.jpeg));
            show(next);
            if (url) URL.revokeObjectURL(url);
            url = next;
          }
        })();
        return () => {
          live = false;
          if (url) setTimeout(() => URL.revokeObjectURL(url!), 1000);
        };
      };
      return { resolution, preview: { kind: 'frames', subscribe }, note: null };
    },
    async capture(): Promise<Still> {
      const askedAt = performance.now();
      const still = await call('camera.vendorCapture');
      const image = await createImageBitmap(jpegBlob(still.jpeg));
      return { image, width: image.width, height: image.height, askedAt };
    },
    async stop() {
      if (!running) return;
      running = false;
      await call('camera.vendorClose').catch(() => undefined);
    },
  };
}

export function jpegBlob(base64: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'image/jpeg' });
}
