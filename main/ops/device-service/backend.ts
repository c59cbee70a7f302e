import type { EventBus } from '../../events/renderer-events';
import type { DeviceBackend } from '../../devices/backend';
import type { Logger } from '../../../platform/log/logger';
import type { ServiceLauncher } from './launcher';
import { DeviceServiceSupervisor } from './supervisor';

/**
 * The device backend in its own process, for main/devices: a supervisor whose restarts reach staff
 * as `app.notice` events. The devices module picks it when the app was given a launcher
 * (`AppOptions.deviceLauncher`: Electron's utilityProcess, or the Node fork for the browser host).
 */
export function supervisedDeviceBackend(s: { events: Pick<EventBus, 'emit'> }, launch: ServiceLauncher, log?: Logger): DeviceBackend & DeviceServiceSupervisor {
  const supervisor = new DeviceServiceSupervisor({ launch, log });
  supervisor.supervision.on('notice', (n) => s.events.emit('app.notice', n));
  return supervisor satisfies DeviceBackend;
}
