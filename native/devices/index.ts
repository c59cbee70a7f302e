/** The DeviceManager's public surface: import from here. */
export { DeviceManager, HID_LISTING_UNAVAILABLE, PORT_LISTING_UNAVAILABLE, type DeviceManagerOptions, type RawPortInfo } from './device-manager';
export type { DeviceDriver, DeviceKindSpec, DriverContext, DriverOpenInfo } from './driver';
export { TypedEmitter } from './emitter';
export type { DeviceEventMap } from './events';
export { FrameRing, toHex } from './frame-log';
export { findKnownDevice, KNOWN_DEVICES, type KnownDevice } from './known-devices';
export { DeviceKindRegistry } from './registry';
export { DEVICE_KINDS, type DeviceConfig, type DeviceKind, type DeviceState, type DeviceStatus, type FrameRecord, type PortInfo } from './types';
