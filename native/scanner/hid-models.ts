/**
 * HID POS scanners (usage page 0x8C, Barcode Scanner collection usage 0x02) and how each lays out
 * its input reports. Most follow the layout of the USB HID POS usage tables as Honeywell implements
 * it; a model whose report differs, or that must be told by a vendor feature report to enter HID
 * POS mode, gets its own entry here and nowhere else.
 */
export interface HidPosLayout {
  /** Report id of the scanned-data input report. */
  reportId: number;
  /** Total report length including the id byte. */
  reportLength: number;
  /** Byte holding the number of data bytes in this report. */
  lengthOffset: number;
  /** Where the three-byte AIM identifier sits (`]Q1`); null when the model sends none. */
  aimOffset: number | null;
  dataOffset: number;
  /** Largest data length one report may carry. */
  maxDataLength: number;
  /** Byte (negative counts from the end) whose bit 0 says more reports of this scan follow. */
  continuationOffset: number;
}

export interface HidPosModel {
  /** Stable key used in configuration. */
  key: string;
  name: string;
  /** Lower-case hex; productId null = any product of this vendor that exposes usage page 0x8C. */
  vendorId: string;
  productId: string | null;
  layout: HidPosLayout;
  /** Sent once after open to switch the scanner into HID POS mode; null when not needed. */
  enterPosMode: number[] | null;
}

export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_POS_SCANNER_USAGE = 0x02;

/** The 64-byte report of PROTOCOLS.md §2: id 0x02, length, AIM id at 2–4, data from 5, last byte bit 0. */
export const STANDARD_LAYOUT: HidPosLayout = {
  reportId: 0x02,
  reportLength: 64,
  lengthOffset: 1,
  aimOffset: 2,
  dataOffset: 5,
  maxDataLength: 56,
  continuationOffset: -1,
};

export const HID_POS_MODELS: readonly HidPosModel[] = [
  { key: 'honeywell-hidpos', name: 'Honeywell（HID POS 模式）', vendorId: '0c2e', productId: null, layout: STANDARD_LAYOUT, enterPosMode: null },
  { key: 'zebra-hidpos', name: 'Zebra / Symbol（HID POS 模式）', vendorId: '05e0', productId: null, layout: STANDARD_LAYOUT, enterPosMode: null },
  { key: 'datalogic-hidpos', name: 'Datalogic（HID POS 模式）', vendorId: '05f9', productId: null, layout: STANDARD_LAYOUT, enterPosMode: null },
  { key: 'newland-hidpos', name: '新大陆 Newland（HID POS 模式）', vendorId: '1eab', productId: null, layout: STANDARD_LAYOUT, enterPosMode: null },
  { key: 'generic-hidpos', name: '通用 HID POS 扫码枪', vendorId: '*', productId: null, layout: STANDARD_LAYOUT, enterPosMode: null },
];

/**
 * The table entry for a device: exact VID/PID first, then vendor-wide, then the generic layout
 * (any device that exposes usage page 0x8C speaks the standard report).
 */
export function findHidPosModel(
  vendorId: number | string,
  productId: number | string,
  models: readonly HidPosModel[] = HID_POS_MODELS,
): HidPosModel {
  const v = hex4(vendorId);
  const p = hex4(productId);
  return (
    models.find((m) => m.vendorId === v && m.productId === p) ??
    models.find((m) => m.vendorId === v && m.productId === null) ??
    models.find((m) => m.vendorId === '*')!
  );
}

function hex4(id: number | string): string {
  return typeof id === 'number' ? id.toString(16).padStart(4, '0') : id.toLowerCase().padStart(4, '0');
}
