import type { DeviceKindSpec } from '../../../native/devices';
import { serialScannerKind } from '../../../native/scanner/serial-scanner-driver';

/**
 * The device kinds the service drives in the app. A module named by YICHUANG_DEVICE_KINDS may
 * replace them (tests, bench); it exports `deviceKinds()` with the same shape.
 * TODO(idcard): add the ID card reader's kind spec here once native/idcard exports one.
 */
export function defaultDeviceKinds(): DeviceKindSpec[] {
  return [serialScannerKind];
}

export const deviceKinds = defaultDeviceKinds;
