import type { RawPortInfo } from '../devices';
import { listHidDevices, type HidDeviceInfo } from '../scanner/hid-transport';

/**
 * HID devices in the shape of the DeviceManager's port list (VID/PID as lower-case hex), so pads
 * and HID scanners are discovered, labelled and found again after a replug like serial ports. Each
 * interface is one entry: a pad may list its pen interface and a keyboard interface.
 */
export async function listHidPorts(list: () => Promise<HidDeviceInfo[]> = listHidDevices): Promise<RawPortInfo[]> {
  return (await list()).map((d) => ({
    path: d.path,
    vendorId: d.vendorId.toString(16).padStart(4, '0'),
    productId: d.productId.toString(16).padStart(4, '0'),
    // node-hid names the product, not the maker: the product name is what staff recognise.
    ...(d.product ? { manufacturer: d.product } : {}),
    ...(d.usagePage !== null ? { usagePage: d.usagePage } : {}),
  }));
}
