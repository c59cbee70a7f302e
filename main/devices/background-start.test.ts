import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/app';
import { SettingsStore } from '../config/settings-store';
import { nodeForkLauncher, type ServiceLauncher } from './service/launcher';
import type { FromService } from './service/surface';
import { bundleDeviceService } from './service/testing';

// The app does not wait for the device-service process: it is usable while the service starts, its
// devices show as connecting, and calls made meanwhile are answered once the service is ready.
let bundle: Awaited<ReturnType<typeof bundleDeviceService>>;
beforeAll(async () => {
  bundle = await bundleDeviceService(path.join(import.meta.dirname, 'service', 'fixtures', 'line-card-kind.ts'));
});
afterAll(() => fs.rmSync(bundle.dir, { recursive: true, force: true }));

/** A real forked device service whose `ready` answer is held back until `release()`. */
function heldLauncher(): { launch: ServiceLauncher; release(): void; spawned(): number } {
  const fork = nodeForkLauncher(bundle.entry);
  let held = true;
  let spawned = 0;
  const waiting: Array<() => void> = [];
  return {
    launch(env) {
      spawned++;
      const proc = fork({ ...env, YICHUANG_DEVICE_KINDS: bundle.kinds });
      return {
        ...proc,
        pid: proc.pid,
        stderr: proc.stderr,
        onMessage(listener: (m: FromService) => void) {
          proc.onMessage((m) => (m.t === 'ready' && held ? waiting.push(() => listener(m)) : listener(m)));
        },
      };
    },
    release() {
      held = false;
      for (const deliver of waiting.splice(0)) deliver();
    },
    spawned: () => spawned,
  };
}

describe('device service started in the background', () => {
  it('the app starts before the service is ready; devices show connecting; early calls are answered once it is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-devbg-'));
    const held = heldLauncher();
    // A reader configured earlier: the first configure of the service carries it.
    SettingsStore.load(dir).update({ devices: [{ id: 'r1', kind: 'idcard', port: '/dev/null-not-a-port' }] });
    const app = await Promise.race([
      createApp({ dataDir: dir, mode: 'normal', transport: 'test', deviceLauncher: held.launch }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('createApp waited for the device service')), 15_000)),
    ]);
    try {
      expect(held.spawned()).toBe(1);
      app.services.sessions.set({ staffId: 'm1', name: '运维', roles: ['maintenance'] });
      expect(app.services.devices.list()).toMatchObject([{ id: 'r1', state: 'connecting' }]);
      let answered = false;
      const listed = app.invoke('devices.list', undefined).then((r) => ((answered = true), r));
      await new Promise((r) => setTimeout(r, 200));
      expect(answered).toBe(false);
      held.release();
      expect(await listed).toMatchObject({ ok: true, value: { devices: [{ id: 'r1' }] } });
    } finally {
      held.release(); // a service that never answers would hold the close too
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
