import type { VendorDriver } from '../../common/contract/camera';
import type { VendorDialect } from './dialect';
import { genericDialect } from './dialects/generic';
import { liangtianDialect } from './dialects/liangtian';

/**
 * The driver table: one dialect per vendor service style. Adding a vendor: a file in dialects/,
 * its line here and its key in VENDOR_DRIVERS (common/contract/camera.ts; the compiler insists on both).
 */
export const VENDOR_DIALECTS: Record<VendorDriver, VendorDialect> = {
  generic: genericDialect,
  liangtian: liangtianDialect,
};
