import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { DeviceEventMap } from '../../../native/devices';
import { DeviceLayer } from './in-process';
import { nodeForkLauncher } from './launcher';
import { deviceServiceProxy, reemitServiceEvent } from './proxy';
import { serveDeviceService } from './server';
import { DeviceServiceSupervisor } from './supervisor';
import {
  DEVICE_SERVICE_EVENTS,
  DEVICE_SERVICE_METHODS,
  deviceServiceEventNames,
  deviceServiceMethodNames,
  type DeviceServiceApi,
  type DeviceServiceImpl,
  type DeviceServiceMethodName,
  type FromService,
  type ToService,
} from './surface';
import { bundleDeviceService } from './testing';

// Names cannot drift: the compiler holds the run-time lists to the interface (and to every event a
// driver adds), and every declared call crosses a real device-service process to the real layer.
expectTypeOf<keyof typeof DEVICE_SERVICE_METHODS>().toEqualTypeOf<keyof DeviceServiceApi>();
expectTypeOf<keyof typeof DEVICE_SERVICE_EVENTS>().toEqualTypeOf<keyof DeviceEventMap>();
expectTypeOf<DeviceLayer>().toMatchTypeOf<DeviceServiceImpl>();

/** One case per declared call (a new call without a case does not compile): its arguments and what the real layer answers. */
const cases: { [M in DeviceServiceMethodName]: { args: Parameters<DeviceServiceApi[M]>; answer: (value: ReturnType<DeviceServiceApi[M]>) => void } } = {
  configure: { args: [[{ id: 'kp-1', kind: 'evaluator', port: '/dev/yichuang-no-such-port' }]], answer: (v) => expect(v).toBeUndefined() },
  start: { args: [], answer: (v) => expect(v).toBeUndefined() },
  list: { args: [], answer: (v) => expect(v.map((s) => s.id)).toEqual(['kp-1']) },
  discover: { args: [], answer: (v) => expect(Array.isArray(v.ports)).toBe(true) },
  reconnect: { args: ['kp-1'], answer: (v) => expect(v).toBe(true) },
  frames: { args: ['no-such-device', 5], answer: (v) => expect(v).toBeNull() },
  promptEvaluator: { args: ['kp-1', { promptId: 'p-1', timeoutMs: 1000 }], answer: (v) => expect(v).toBe(false) },
  cancelEvaluatorPrompt: { args: ['kp-1', 'p-1'], answer: (v) => expect(v).toBe(false) },
  // No caller is connected: the answer is the plain-Chinese refusal, carried across (see the loop below).
  queueCallerCommand: { args: ['caller-1', { type: 'callNext' }], answer: (v) => expect(v).toEqual({ rejected: '叫号器 caller-1 未连接' }) },
  echo: { args: [{ photo: new Uint8Array([1, 2, 3]) }], answer: (v) => expect(v).toEqual({ photo: new Uint8Array([1, 2, 3]) }) },
  stop: { args: [], answer: (v) => expect(v).toBeUndefined() },
};

let bundle: Awaited<ReturnType<typeof bundleDeviceService>>;
beforeAll(async () => {
  bundle = await bundleDeviceService(path.join(import.meta.dirname, 'default-kinds.ts'));
});
afterAll(() => fs.rmSync(bundle.dir, { recursive: true, force: true }));

describe('the device-service surface, declared once', () => {
  it('every declared call round-trips proxy → child process → server → device layer', async () => {
    const sup = new DeviceServiceSupervisor({ launch: nodeForkLauncher(bundle.entry) });
    try {
      await sup.launch();
      // Declaration order, but `stop` last so the calls after it still have devices.
      const order = [...deviceServiceMethodNames.filter((m) => m !== 'stop'), 'stop' as const];
      expect(new Set(order)).toEqual(new Set(Object.keys(cases)));
      for (const method of order) {
        const c = cases[method] as { args: unknown[]; answer: (v: unknown) => void };
        const value = await (sup.remote[method] as (...a: unknown[]) => Promise<unknown>)(...c.args).catch((err: Error) => ({ rejected: err.message }));
        c.answer(value);
      }
    } finally {
      await sup.stop();
    }
  }, 60_000);

  it('the server forwards every declared event by type and refuses an undeclared call by name', async () => {
    const sent: FromService[] = [];
    let deliver!: (m: ToService) => void;
    const layer = new DeviceLayer([], { listPorts: async () => [] });
    serveDeviceService(layer, { send: (m) => sent.push(structuredClone(m)), onMessage: (l) => (deliver = l) }, 4242);
    expect(sent.shift()).toEqual({ t: 'ready', pid: 4242 });

    for (const name of deviceServiceEventNames) layer.events.emit(name, { probe: name } as never);
    expect(sent.map((m) => m.t === 'event' && m.name)).toEqual(deviceServiceEventNames);

    sent.length = 0;
    deliver({ t: 'call', id: 7, method: 'configureEverything', args: [] } as unknown as ToService);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([{ t: 'result', id: 7, ok: false, message: expect.stringMatching(/设备服务没有此调用：configureEverything/) }]);
  });

  it('the proxy has exactly the declared calls and re-emits only declared events', async () => {
    const calls: Array<[string, unknown[]]> = [];
    const proxy = deviceServiceProxy(async (method, args) => void calls.push([method, args]));
    expect(Object.keys(proxy).sort()).toEqual([...deviceServiceMethodNames].sort());
    await proxy.reconnect('r-1');
    expect(calls).toEqual([['reconnect', ['r-1']]]);

    const layer = new DeviceLayer([], { listPorts: async () => [] });
    const seen: string[] = [];
    layer.events.on('scan', () => seen.push('scan'));
    expect(reemitServiceEvent(layer.events, { t: 'event', name: 'scan', payload: { deviceId: 's', text: 'x' } } as never)).toBe(true);
    expect(reemitServiceEvent(layer.events, { t: 'event', name: 'card.read', payload: {} } as never)).toBe(false);
    expect(seen).toEqual(['scan']);
  });
});
