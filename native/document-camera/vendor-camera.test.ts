import jpeg from 'jpeg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { VENDOR_DRIVERS } from '../../common/contract/camera';
import { VENDOR_DIALECTS } from './drivers';
import { renderTestPage } from './sim/test-page';
import { startDocumentCameraSimulator, type DocumentCameraSim } from './sim/simulator';
import { VendorCamera } from './vendor-camera';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(driver: (typeof VENDOR_DRIVERS)[number], port = 0): Promise<{ sim: DocumentCameraSim; camera: VendorCamera }> {
  const sim = await startDocumentCameraSimulator({ dialect: driver, port, fps: 20 });
  const camera = new VendorCamera({ url: sim.url, dialect: VENDOR_DIALECTS[driver], device: 0, timeoutMs: 20_000 });
  cleanups.push(() => sim.close(), () => camera.close());
  return { sim, camera };
}

describe.each(VENDOR_DRIVERS)('vendor camera over the %s dialect, against the simulator on 127.0.0.1', (driver) => {
  it('lists both cameras with their resolutions, largest first', async () => {
    const { camera } = await setup(driver);
    const devices = await camera.devices();
    expect(devices.map((d) => d.index)).toEqual([0, 1]);
    expect(devices[0]!.resolutions[0]).toEqual({ width: 2592, height: 1944 });
    expect(devices[0]!.resolutions.at(-1)).toEqual({ width: 640, height: 480 });
  });

  it('opens at the largest resolution, previews, and captures a decodable page of that size', async () => {
    const { camera, sim } = await setup(driver);
    expect(await camera.open()).toEqual({ width: 2592, height: 1944 });
    const frame = await camera.frameAfter(0, 5000);
    expect(frame).not.toBeNull();
    expect(frame!.width).toBe(640);
    const next = await camera.frameAfter(frame!.seq, 5000);
    expect(next!.seq).toBeGreaterThan(frame!.seq);
    const still = await camera.capture();
    expect([still.width, still.height]).toEqual([2592, 1944]);
    const img = jpeg.decode(still.jpeg, { useTArray: true });
    expect([img.width, img.height]).toEqual([2592, 1944]);
    // The page (white, here its margin) where the generator put it, the desk (dark) in the corner.
    const at = (x: number, y: number) => img.data[(y * img.width + x) * 4]!;
    const { page } = renderTestPage({ width: 2592, height: 1944 });
    expect(at(page.x + 20, page.y + Math.round(page.height / 2))).toBeGreaterThan(200);
    expect(at(10, 10)).toBeLessThan(110);
    expect(sim.captures).toBe(1);
  });

  it('refuses a resolution the camera does not offer, naming the ones it does', async () => {
    const { camera } = await setup(driver);
    await expect(camera.open({ width: 4000, height: 3000 })).rejects.toThrow(/不支持 4000×3000，可选：2592×1944/);
  });

  it('reports the vendor’s error on a failed capture, and the next capture works', async () => {
    const { camera, sim } = await setup(driver);
    await camera.open();
    sim.failNextCapture('镜头被遮挡');
    await expect(camera.capture()).rejects.toThrow('高拍仪服务报告错误：镜头被遮挡');
    expect((await camera.capture()).width).toBe(2592);
  });
});

describe('vendor camera connection', () => {
  it('says in Chinese that the service is not running, then reconnects once it is', async () => {
    const { sim } = await setup('generic');
    const port = sim.port;
    await sim.close();
    const camera = new VendorCamera({ url: `ws://127.0.0.1:${port}`, dialect: VENDOR_DIALECTS.generic, device: 0 });
    cleanups.push(() => camera.close());
    await expect(camera.devices()).rejects.toThrow(/无法连接高拍仪服务 ws:\/\/127\.0\.0\.1:\d+（ECONNREFUSED）/);
    const again = await startDocumentCameraSimulator({ port });
    cleanups.push(() => again.close());
    expect((await camera.devices()).length).toBe(2);
  });

  it('fails a request in flight when the service goes away, and reopens after it restarts', async () => {
    const { sim, camera } = await setup('liangtian');
    await camera.open();
    const port = sim.port;
    await sim.close();
    await expect(camera.capture()).rejects.toThrow(/连接已断开|无法连接/);
    const again = await startDocumentCameraSimulator({ port, dialect: 'liangtian' });
    cleanups.push(() => again.close());
    // After a reconnect the camera is opened again before the still.
    expect((await camera.capture()).width).toBe(2592);
  });
});
