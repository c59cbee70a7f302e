import { utilityProcess } from 'electron';
import type { ServiceLauncher } from '../devices/service/launcher';
import { deviceServiceEntry } from '../devices/service/launcher';
import type { FromService } from '../devices/service/surface';

/**
 * The device service as an Electron utilityProcess (same protocol as the Node fork): a native
 * crash there ends only that process; the supervisor restarts it.
 */
export const utilityProcessLauncher: ServiceLauncher = (env) => {
  const child = utilityProcess.fork(deviceServiceEntry().file, [], {
    env: { ...process.env, ...env, YICHUANG_LOG_STDERR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: '一窗设备服务',
  });
  let exited = false;
  return {
    get pid() {
      return child.pid;
    },
    stderr: child.stderr ?? null,
    send: (m) => {
      if (!exited) child.postMessage(m);
    },
    onMessage: (l) => child.on('message', (m: unknown) => l(m as FromService)),
    onExit: (l) =>
      child.once('exit', (code: number) => {
        exited = true;
        l({ code, signal: null });
      }),
    kill: () => {
      if (!exited) child.kill();
    },
  };
};
