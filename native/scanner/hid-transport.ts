import { ScannerError } from './scan-result';

/** An opened HID device, as far as a HID POS scanner needs one. node-hid in production, recordings in tests. */
export interface HidTransport {
  onReport(listener: (report: Uint8Array) => void): void;
  /** Called once when the device goes away or fails; the transport is closed after it. */
  onClose(listener: (reason: string) => void): void;
  sendFeatureReport(data: number[]): Promise<void>;
  close(): Promise<void>;
}

export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  product: string | null;
  usagePage: number | null;
  usage: number | null;
}

/** HID devices on this machine (node-hid). Rejects with a Chinese message when enumeration fails. */
export async function listHidDevices(): Promise<HidDeviceInfo[]> {
  try {
    const HID = await import('node-hid');
    const devices = await HID.devicesAsync();
    return devices
      .filter((d) => d.path)
      .map((d) => ({
        path: d.path!,
        vendorId: d.vendorId,
        productId: d.productId,
        product: d.product ?? null,
        usagePage: d.usagePage ?? null,
        usage: d.usage ?? null,
      }));
  } catch (err) {
    throw new ScannerError('TRANSPORT', `无法列出 HID 设备：${(err as Error).message}`);
  }
}

/** Opens a HID device through node-hid (hidraw on Linux, the OS HID stack on Windows and macOS); `label` names it in errors. */
export async function openNodeHid(path: string, label = 'HID 扫码枪'): Promise<HidTransport> {
  let dev: import('node-hid').HIDAsync;
  try {
    const HID = await import('node-hid');
    dev = await HID.HIDAsync.open(path);
  } catch (err) {
    throw new ScannerError('TRANSPORT', `无法打开 ${label} ${path}：${(err as Error).message}。请检查设备权限或是否被其他程序占用。`);
  }
  let closed = false;
  const closeListeners: Array<(reason: string) => void> = [];
  const finish = (reason: string) => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l(reason);
  };
  dev.on('error', (err: Error) => {
    finish(`HID 设备出错：${err.message}`);
    void dev.close().catch(() => undefined);
  });
  return {
    onReport: (listener) => dev.on('data', (data: Buffer) => listener(data)),
    onClose: (listener) => closeListeners.push(listener),
    async sendFeatureReport(data) {
      await dev.sendFeatureReport(data);
    },
    async close() {
      if (closed) return;
      finish('已关闭');
      await dev.close().catch(() => undefined);
    },
  };
}
