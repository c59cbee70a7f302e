import type { DeviceKindSpec, DeviceStatus } from '../../../native/devices';
import type { Services } from '../../app/services';
import type { Logger } from '../../log/logger';
import { builtInKinds, DeviceLayer } from './in-process';
import type { ServiceLauncher } from './launcher';
import { DeviceServiceSupervisor } from './supervisor';
import type { DeviceServiceImpl } from './surface';

/**
 * What main's DeviceService needs from the device layer: the declared surface, with `list()` answered
 * at once (the supervisor keeps it current from status events). The in-process DeviceLayer satisfies
 * it, and so does the supervised device-service process.
 */
export interface DeviceBackend extends Omit<DeviceServiceImpl, 'list'> {
  list(): DeviceStatus[];
  /** In-process only: add a kind whose driver needs main's objects. */
  registerKind?(spec: DeviceKindSpec): void;
}

/** The in-process layer with the built-in kinds and the serial keypads. Other kinds register later through `registerKind`. */
export function inProcessBackend(log?: Logger): DeviceBackend {
  return new DeviceLayer(builtInKinds(log), { log });
}

/**
 * The device layer in its own process: a supervisor whose restarts reach staff as `app.notice`
 * events. The devices module picks it when the app was given a launcher
 * (`AppOptions.deviceLauncher`: Electron's utilityProcess, or the Node fork for the browser host).
 */
export function supervisedDeviceBackend(s: Pick<Services, 'events'>, launch: ServiceLauncher, log?: Logger): DeviceBackend {
  const supervisor = new DeviceServiceSupervisor({ launch, log });
  supervisor.supervision.on('notice', (n) => s.events.emit('app.notice', n));
  return supervisor.backend();
}
