import type { DeviceKindSpec } from '../../../native/devices';
import { builtInKinds } from './in-process';
import type { Logger } from '../../../platform/log/logger';

/**
 * The device kinds the service drives in the app: the same built-in kinds as the in-process
 * manager. A module named by YICHUANG_DEVICE_KINDS may replace them (tests, bench); it exports
 * `deviceKinds()` with the same shape.
 */
export function defaultDeviceKinds(log?: Logger): DeviceKindSpec[] {
  return builtInKinds(log);
}

export const deviceKinds = defaultDeviceKinds;
