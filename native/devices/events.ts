import type { IdCardReading } from '../idcard/card';
import type { DeviceStatus } from './types';

/**
 * Events the DeviceManager emits into main. Other drivers add theirs by module augmentation
 * (no edit of this file needed):
 *
 *   declare module '../devices/events' {
 *     interface DeviceEventMap { scan: { deviceId: string; text: string; at: string } }
 *   }
 */
export interface DeviceEventMap {
  /** Every status change of every device. */
  status: DeviceStatus;
  /** One ID card read, once per placement. */
  card: { deviceId: string; reading: IdCardReading; at: string };
}
