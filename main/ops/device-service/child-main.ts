// The device service process: runs the DeviceManager and its native drivers away from the main
// process, so a native crash or hang costs a restart of this process, not the UI or the database.
import { pathToFileURL } from 'node:url';
import { DeviceKindRegistry, DeviceManager } from '../../../native/devices';
import { KeypadDesk } from '../../../native/evaluator/keypad-desk';
import { createLogger, type Logger } from '../../../platform/log/logger';
import { defaultDeviceKinds } from './default-kinds';
import type { CallName, FromService, ParentPort, ToService } from './protocol';

/** Electron's utilityProcess gives `process.parentPort`; a Node fork gives `process.send`. */
function parentPort(): ParentPort {
  const electronPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: unknown }) => void): void } }).parentPort;
  if (electronPort) {
    return { send: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data as ToService)) };
  }
  if (!process.send) throw new Error('设备服务必须由主进程启动（没有父进程通道）。');
  return { send: (m) => process.send!(m), onMessage: (l) => process.on('message', (m) => l(m as ToService)) };
}

/** The kinds to drive: the built-in ones, or a module named by YICHUANG_DEVICE_KINDS (tests, bench). */
async function loadRegistry(log: Logger): Promise<DeviceKindRegistry> {
  const registry = new DeviceKindRegistry();
  const custom = process.env.YICHUANG_DEVICE_KINDS;
  const specs = custom ? ((await import(pathToFileURL(custom).href)) as typeof import('./default-kinds')).deviceKinds() : defaultDeviceKinds(log);
  for (const spec of specs) registry.register(spec);
  return registry;
}

async function main(): Promise<void> {
  const port = parentPort();
  const log = createLogger('device-service');
  const registry = await loadRegistry(log);
  const manager = new DeviceManager({ registry, log });
  // Serial keypads: main prompts them by device id (`evaluatorPrompt`), outcomes go back as `evaluator` events.
  const keypads = new KeypadDesk(manager.events);
  if (!registry.get('evaluator')) registry.register(keypads.kind);
  const send = (m: FromService) => port.send(m);
  // Every manager event goes to main as it happens (status, card, scan, rating…).
  const forwarded = new Set<string>();
  const forward = (name: string) => {
    if (forwarded.has(name)) return;
    forwarded.add(name);
    manager.events.on(name as 'status', (payload) => send({ t: 'event', name, payload }));
  };
  for (const name of ['status', 'card', 'scan', 'rating', 'evaluator']) forward(name);

  const calls: Record<CallName, (...args: never[]) => unknown> = {
    configure: (configs: never) => manager.configure(configs),
    start: () => manager.start(),
    stop: () => manager.stop(),
    list: () => manager.list(),
    discover: () => manager.discover(),
    reconnect: (id: never) => manager.reconnect(id),
    frames: (id: never, limit: never) => manager.frames(id, limit),
    evaluatorPrompt: (deviceId: never, request: never) => keypads.prompt(deviceId, request),
    evaluatorCancel: (deviceId: never, promptId: never) => keypads.cancel(deviceId, promptId),
    echo: (value: never) => value,
  };

  port.onMessage(async (m) => {
    if (m.t === 'ping') return send({ t: 'pong', seq: m.seq });
    if (m.t !== 'call') return;
    try {
      const value = await (calls[m.method] as (...a: unknown[]) => unknown)(...m.args);
      send({ t: 'result', id: m.id, ok: true, value });
    } catch (err) {
      send({ t: 'result', id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  });
  // Main going away (crash or kill) must not leave an orphan holding the serial ports.
  process.on('disconnect', () => process.exit(0));
  send({ t: 'ready', pid: process.pid });
}

main().catch((err) => {
  process.stderr.write(`设备服务启动失败：${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(70);
});
