import type { EventBus } from '../../events/renderer-events';
import type { Logger } from '../../../platform/log/logger';
import { builtInKinds, DeviceLayer } from './in-process';
import type { ServiceLauncher } from './launcher';
import { DeviceServiceSupervisor } from './supervisor';
import type { DeviceBackend } from './surface';

export type { DeviceBackend } from './surface';

/** The in-process layer with the built-in kinds and the serial keypads. Other kinds register later through `registerKind`. */
export function inProcessBackend(log?: Logger): DeviceBackend {
  return new DeviceLayer(builtInKinds(log), { log });
}

/**
 * The device layer in its own process: a supervisor whose restarts reach staff as `app.notice`
 * events. The devices module picks it when the app was given a launcher
 * (`AppOptions.deviceLauncher`: Electron's utilityProcess, or the Node fork for the browser host).
 */
export function supervisedDeviceBackend(s: { events: Pick<EventBus, 'emit'> }, launch: ServiceLauncher, log?: Logger): DeviceBackend {
  const supervisor = new DeviceServiceSupervisor({ launch, log });
  supervisor.supervision.on('notice', (n) => s.events.emit('app.notice', n));
  return supervisor.backend();
}
