import type { DeviceKind } from './types';

/**
 * Readers and peripherals known by USB VID/PID (lower-case hex, as `SerialPort.list()` reports them).
 * Used to label discovered ports and to find a device again after it re-enumerates under another name.
 * USB-serial bridges are shared by many products, so a match is a hint; the driver's probe confirms it.
 */
export interface KnownDevice {
  vendorId: string;
  productId: string;
  kind: DeviceKind;
  model: string;
  /** HID devices: only the interface with this usage page is the device (absent: any). */
  usagePage?: number;
}

export const KNOWN_DEVICES: readonly KnownDevice[] = [
  // ID card readers exposing a virtual COM port (SAM modules behind a USB-serial bridge).
  { vendorId: '0400', productId: 'c35a', kind: 'idcard', model: '华视 CVR-100U（串口模式）' },
  { vendorId: '10c4', productId: 'ea60', kind: 'idcard', model: 'CP210x 桥接的身份证阅读器' },
  { vendorId: '1a86', productId: '7523', kind: 'idcard', model: 'CH340 桥接的身份证阅读器' },
  { vendorId: '067b', productId: '2303', kind: 'idcard', model: 'PL2303 桥接的身份证阅读器' },
];

/** The known device with this VID/PID (and usage page, where both say one); drivers add their own tables (`DeviceKindSpec.knownDevices`). */
export function findKnownDevice(
  vendorId: string | null | undefined,
  productId: string | null | undefined,
  table: readonly KnownDevice[] = KNOWN_DEVICES,
  usagePage?: number,
): KnownDevice | null {
  if (!vendorId || !productId) return null;
  const v = vendorId.toLowerCase();
  const p = productId.toLowerCase();
  return table.find((d) => d.vendorId === v && d.productId === p && (d.usagePage === undefined || usagePage === undefined || d.usagePage === usagePage)) ?? null;
}
