import { SerialPort } from 'serialport';

/**
 * An opened serial port reduced to what line-based drivers need, with one `closed` promise that
 * settles whatever ends the link (unplug, error, close).
 */
export interface SerialLink {
  onData(listener: (chunk: Buffer) => void): void;
  write(bytes: Uint8Array): Promise<void>;
  readonly closed: Promise<string>;
  close(): Promise<void>;
}

export async function openSerialLink(path: string, baudRate: number): Promise<SerialLink> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((err) => (err ? reject(new Error(`无法打开串口 ${path}：${err.message}。请检查端口名和是否被其他程序占用。`)) : resolve())),
  );
  let settle!: (reason: string) => void;
  const closed = new Promise<string>((resolve) => (settle = resolve));
  let lastError: string | null = null;
  port.on('error', (err) => {
    lastError = err.message;
  });
  port.on('close', (err?: Error & { disconnected?: boolean }) =>
    settle(err?.disconnected ? `串口已断开（${path}）` : lastError ? `串口出错：${lastError}` : '串口已关闭'),
  );
  return {
    onData: (listener) => port.on('data', listener),
    write: (bytes) =>
      new Promise((resolve, reject) =>
        port.write(Buffer.from(bytes), (err) => (err ? reject(new Error(`串口写入失败：${err.message}`)) : port.drain(() => resolve()))),
      ),
    closed,
    async close() {
      if (!port.isOpen) return settle('串口已关闭');
      await new Promise<void>((resolve) => port.close(() => resolve()));
    },
  };
}
