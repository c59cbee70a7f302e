import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../main/app/app';
import { startDocumentCameraSimulator } from '../native/document-camera/sim/simulator';
import { percentile } from './stats';
import type { Bench, BenchResult } from './types';

const SHOTS = 30;
const FPS = 10;

type R = { ok: true; value: unknown } | { ok: false; error: { message: string } };
const value = <T>(r: R): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

/**
 * Capture → page stored, on the vendor backend: a still from the simulated 高拍仪 service (5 MP,
 * base64 JPEG over its WebSocket) through the router, then staged into a slot (sealed, written) by
 * the materials service, against the camera's frame time (1/fps of its preview). Not in the figure:
 * the renderer's decode / edge detection / encode (Chromium's canvas, not in Node): bench/capture-ui.ts
 * measures the whole path in Chromium with its fake camera (the page's `yc.capture.*` measures).
 */
export const bench: Bench = {
  name: 'capture',
  async run(): Promise<BenchResult[]> {
    const sim = await startDocumentCameraSimulator({ fps: FPS });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-bench-capture-'));
    const app = await createApp({ dataDir, mode: 'demo', transport: 'test' });
    try {
      value(await app.invoke('settings.update', { patch: { documentCamera: { backend: 'vendor', vendorDriver: 'generic', vendorUrl: sim.url, vendorDevice: 0, uvcLabel: null } } }));
      value(await app.invoke('camera.vendorOpen', undefined));
      const draftId = crypto.randomUUID();
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < SHOTS + 3; i++) {
        const t0 = performance.now();
        const still = value<{ jpeg: string }>(await app.invoke('camera.vendorCapture', undefined));
        const jpeg = new Uint8Array(Buffer.from(still.jpeg, 'base64'));
        await app.services.materials.stagePage({ draftId, materialCode: 'bench', mime: 'image/jpeg', source: 'camera', clerkId: 'demo' }, jpeg);
        // The first shots warm the simulator's cache and the sealing key.
        if (i >= 3) times.push(performance.now() - t0);
        bytes = jpeg.length;
      }
      const frameMs = 1000 / FPS;
      const p50 = percentile(times, 50);
      return [
        {
          bench: 'capture',
          ratio: p50 / frameMs,
          baseline: `camera frame time (1/${FPS} fps = ${frameMs} ms)`,
          goal: '≤ 1: a page is stored within one frame',
          p50Ms: p50,
          p99Ms: percentile(times, 99),
          p99Ratio: percentile(times, 99) / frameMs,
          frameMs,
          shots: SHOTS,
          jpegBytes: bytes,
          resolution: '2592x1944',
        },
      ];
    } finally {
      await app.close();
      await sim.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
