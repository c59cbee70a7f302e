import type { TypedEmitter } from '../../../native/devices';
import { deviceServiceMethodNames, isDeviceServiceEvent, type DeviceServiceEvents, type DeviceServiceMethodName, type DeviceServiceRemote, type FromService } from './surface';

/** Sends one call across and waits for its answer (the supervisor: timeouts, restarts). */
export type DeviceServiceCaller = (method: DeviceServiceMethodName, args: unknown[]) => Promise<unknown>;

/** Main's proxy of the device service: one async function per declared call, built from the declaration. */
export function deviceServiceProxy(call: DeviceServiceCaller): DeviceServiceRemote {
  const proxy: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of deviceServiceMethodNames) proxy[method] = (...args) => call(method, args);
  return proxy as DeviceServiceRemote;
}

/** An event from the service, re-emitted in main by its declared name; an undeclared name is dropped (false). */
export function reemitServiceEvent(events: TypedEmitter<DeviceServiceEvents>, message: Extract<FromService, { t: 'event' }>): boolean {
  if (!isDeviceServiceEvent(message.name)) return false;
  events.emit(message.name, message.payload as never);
  return true;
}
