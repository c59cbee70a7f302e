import { SerialPort } from 'serialport';

/**
 * One open serial port as the drivers need it: bytes in, bytes out, baud changes, and a `closed`
 * promise that resolves (never rejects) with a Chinese reason however the port ends. Every
 * operation is bounded by a timeout, because a stale handle after an unplug may never answer.
 */
export class SerialLink {
  readonly closed: Promise<string>;
  private endWith!: (reason: string) => void;
  private ended = false;
  private readonly listeners = new Set<(chunk: Uint8Array) => void>();

  private constructor(
    private readonly port: SerialPort,
    readonly path: string,
  ) {
    this.closed = new Promise((resolve) => (this.endWith = resolve));
    port.on('data', (chunk: Buffer) => {
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (const l of this.listeners) l(bytes);
    });
    port.on('close', (err?: Error & { disconnected?: boolean }) =>
      this.end(err?.disconnected ? '设备已断开（串口被拔出或关闭）' : '串口已关闭'),
    );
    port.on('error', (err: Error) => this.end(describeLinkError(err)));
  }

  static async open(path: string, baudRate: number, timeoutMs = 3000): Promise<SerialLink> {
    const port = new SerialPort({ path, baudRate, autoOpen: false, dataBits: 8, parity: 'none', stopBits: 1 });
    await bounded(
      new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve()))),
      timeoutMs,
      `打开串口 ${path} 超时`,
    ).catch((err: Error) => {
      throw new Error(`无法打开串口 ${path}：${err.message}。请检查设备是否连接、串口名是否正确、是否被其他程序占用。`);
    });
    return new SerialLink(port, path);
  }

  get isOpen(): boolean {
    return !this.ended && this.port.isOpen;
  }

  get baudRate(): number {
    return this.port.baudRate;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async write(bytes: Uint8Array, timeoutMs = 2000): Promise<void> {
    if (!this.isOpen) throw new Error('串口未打开');
    try {
      await this.writeBounded(bytes, timeoutMs);
    } catch (err) {
      // A write that fails because the device is gone ends the link now, not at the next poll.
      if (isGoneError(err)) {
        this.end(describeLinkError(err as Error));
        void this.close();
      }
      throw err;
    }
  }

  private async writeBounded(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    await bounded(
      new Promise<void>((resolve, reject) => {
        this.port.write(Buffer.from(bytes), (err) => (err ? reject(err) : this.port.drain((e) => (e ? reject(e) : resolve()))));
      }),
      timeoutMs,
      '串口写入超时',
    );
  }

  async setBaud(baudRate: number): Promise<void> {
    if (this.port.baudRate === baudRate) return;
    await bounded(
      new Promise<void>((resolve, reject) => this.port.update({ baudRate }, (err) => (err ? reject(err) : resolve()))),
      2000,
      '设置波特率超时',
    );
  }

  /** Release the port. Never rejects; gives up waiting on a stale handle after a second. */
  async close(): Promise<void> {
    if (this.port.isOpen) {
      await bounded(new Promise<void>((resolve) => this.port.close(() => resolve())), 1000, 'close').catch(() => undefined);
    }
    this.end('串口已关闭');
  }

  private end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.listeners.clear();
    this.endWith(reason);
  }
}

const GONE = /EIO|ENXIO|ENODEV|EBADF|ENOENT|disconnected|I\/O error/i;

function isGoneError(err: unknown): boolean {
  return err instanceof Error && GONE.test(err.message);
}

function describeLinkError(err: Error): string {
  return isGoneError(err) ? `设备已断开（${err.message}）` : `串口错误：${err.message}`;
}

export function bounded<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

/** Seconds on the wire for `bytes` at `baud`, 8N1 (10 bits a byte). */
export function wireMs(bytes: number, baud: number): number {
  return (bytes * 10 * 1000) / baud;
}
