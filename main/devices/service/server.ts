import { deviceServiceEventNames, isDeviceServiceMethod, type DeviceServiceImpl, type FromService, type ParentPort } from './surface';

/**
 * The child's side: answers main's calls by the declared names on `impl`, and forwards every
 * declared event as it happens. Announces itself ready once listening.
 */
export function serveDeviceService(impl: DeviceServiceImpl, port: ParentPort, pid = process.pid): void {
  for (const name of deviceServiceEventNames) impl.events.on(name, (payload) => port.send({ t: 'event', name, payload } as FromService));
  port.onMessage(async (m) => {
    if (m.t === 'ping') return port.send({ t: 'pong', seq: m.seq });
    if (m.t !== 'call') return;
    try {
      // A main of another version could ask for a call this service does not have: say so, by name.
      const method = isDeviceServiceMethod(m.method) ? (impl[m.method] as (...args: unknown[]) => unknown) : undefined;
      if (typeof method !== 'function') throw new Error(`设备服务没有此调用：${String(m.method).slice(0, 80)}（主程序与设备服务版本不一致，请重新安装）。`);
      const value = await method.apply(impl, m.args);
      port.send({ t: 'result', id: m.id, ok: true, value });
    } catch (err) {
      port.send({ t: 'result', id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  });
  port.send({ t: 'ready', pid });
}
