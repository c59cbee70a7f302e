// The device service process: runs the device layer and its native drivers away from the main
// process, so a native crash or hang costs a restart of this process, not the UI or the database.
import { pathToFileURL } from 'node:url';
import type { DeviceKindSpec } from '../../../native/devices';
import { createLogger, type Logger } from '../../../platform/log/logger';
import { defaultDeviceKinds } from './default-kinds';
import { DeviceLayer } from './in-process';
import { serveDeviceService } from './server';
import type { ParentPort, ToService } from './surface';

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
async function loadKinds(log: Logger): Promise<DeviceKindSpec[]> {
  const custom = process.env.YICHUANG_DEVICE_KINDS;
  return custom ? ((await import(pathToFileURL(custom).href)) as typeof import('./default-kinds')).deviceKinds() : defaultDeviceKinds(log);
}

async function main(): Promise<void> {
  const port = parentPort();
  const log = createLogger('device-service');
  serveDeviceService(new DeviceLayer(await loadKinds(log), { log }), port);
  // Main going away (crash or kill) must not leave an orphan holding the serial ports.
  process.on('disconnect', () => process.exit(0));
}

main().catch((err) => {
  process.stderr.write(`设备服务启动失败：${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(70);
});
