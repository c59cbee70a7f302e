import type { DeviceKindSpec } from '../../../native/devices';
import { builtInKinds } from '../../devices/backend';

/**
 * The device kinds the service drives in the app: the same built-in kinds as the in-process
 * manager. A module named by YICHUANG_DEVICE_KINDS may replace them (tests, bench); it exports
 * `deviceKinds()` with the same shape.
 */
export function defaultDeviceKinds(): DeviceKindSpec[] {
  return builtInKinds();
}

export const deviceKinds = defaultDeviceKinds;
