import { afterEach, describe, expect, it } from 'vitest';
import { startDocumentCameraSimulator } from '../../../native/document-camera/sim/simulator';
import { testApp, type Opened } from '../../app/testing';

const opened: Opened = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

type R = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
const value = <T>(r: R): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('camera.* (the vendor backend through the router)', () => {
  it('refuses vendor calls while the window is set to UVC, saying where to change it', async () => {
    const app = await testApp(opened, 'demo');
    expect(value<{ backend: string }>(await app.invoke('camera.settings', undefined)).backend).toBe('uvc');
    const r = (await app.invoke('camera.vendorCapture', undefined)) as R;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_AVAILABLE', message: expect.stringContaining('运维 → 设备 → 高拍仪') });
  });

  it('opens the configured service at its largest resolution, previews and captures; a stopped service is a DEVICE_ERROR in Chinese', async () => {
    const sim = await startDocumentCameraSimulator({ dialect: 'liangtian', fps: 20 });
    opened.push(sim);
    const app = await testApp(opened, 'demo');
    value(await app.invoke('settings.update', { patch: { documentCamera: { backend: 'vendor', vendorDriver: 'liangtian', vendorUrl: sim.url, vendorDevice: 0, uvcLabel: null } } }));
    const devices = value<{ devices: { name: string }[] }>(await app.invoke('camera.vendorDevices', undefined));
    expect(devices.devices.map((d) => d.name)).toEqual(['模拟高拍仪 主摄像头', '模拟高拍仪 副摄像头']);
    expect(value(await app.invoke('camera.vendorOpen', undefined))).toEqual({ device: 0, resolution: { width: 2592, height: 1944 } });
    const preview = value<{ frame: { seq: number; jpeg: string } | null }>(await app.invoke('camera.vendorPreview', { after: 0, waitMs: 2000 }));
    expect(preview.frame!.seq).toBeGreaterThan(0);
    expect(Buffer.from(preview.frame!.jpeg, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const still = value<{ width: number; jpeg: string }>(await app.invoke('camera.vendorCapture', undefined));
    expect(still.width).toBe(2592);
    expect(sim.captures).toBe(1);
    value(await app.invoke('camera.vendorClose', undefined));
    await sim.close();
    const r = (await app.invoke('camera.vendorCapture', undefined)) as R;
    expect(!r.ok && r.error).toMatchObject({ code: 'DEVICE_ERROR', message: expect.stringMatching(/高拍仪服务/) });
  });

  it('refuses a vendor service that is not on this machine', async () => {
    const app = await testApp(opened, 'demo');
    const r = (await app.invoke('settings.update', { patch: { documentCamera: { backend: 'vendor', vendorUrl: 'ws://10.0.0.5:9000' } } })) as R;
    expect(!r.ok && r.error.message).toMatch(/必须是本机地址/);
  });
});
