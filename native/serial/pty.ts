import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Beside this file in the sources, beside the bundle when built (scripts/build.mjs copies it); python
// cannot read inside app.asar, so a packaged app uses the unpacked copy.
const RELAY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pty-relay.py').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

/** The system python starts in a fraction of the time a version-manager shim takes (pyenv: ~2 s). */
function pythonExecutable(): string {
  if (process.env.YICHUANG_PYTHON) return process.env.YICHUANG_PYTHON;
  for (const p of ['/usr/bin/python3', '/usr/local/bin/python3']) if (fs.existsSync(p)) return p;
  return 'python3';
}

/**
 * The device side of a real pseudo-terminal: the driver under test opens `path` with serialport,
 * exactly as it would open `/dev/ttyUSB0`. Needs `python3` (its `pty` module).
 */
export class PtyDevice {
  /** Baud the host side last set on the port (from termios), or null before it is known. */
  hostBaud: number | null = null;
  readonly exited: Promise<void>;
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly baudListeners = new Set<(baud: number) => void>();
  private pending = Buffer.alloc(0);
  private gone = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly path: string,
    readonly link: string | null,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => (this.gone = true));
  }

  /** Open a pty; with `link`, also point that symlink at it (a stable name, like /dev/serial/by-id). */
  static open(link?: string): Promise<PtyDevice> {
    return new Promise((resolve, reject) => {
      const child = spawn(pythonExecutable(), ['-u', RELAY, link ?? ''], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      let device: PtyDevice | null = null;
      let buf = Buffer.alloc(0);
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', (err) => reject(new Error(`无法启动伪终端（需要 python3）：${err.message}`)));
      child.once('exit', (code) => {
        if (!device) reject(new Error(`伪终端进程退出（${code}）：${stderr.trim()}`));
      });
      child.stdin!.on('error', () => undefined); // writes after an unplug are simply lost
      child.stdout!.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 3) {
          const len = buf.readUInt16BE(1);
          if (buf.length < 3 + len) break;
          const kind = String.fromCharCode(buf[0]!);
          const payload = buf.subarray(3, 3 + len);
          buf = buf.subarray(3 + len);
          if (kind === 'P') {
            device = new PtyDevice(child, payload.toString(), link ?? null);
            resolve(device);
          } else if (device) device.handle(kind, payload);
        }
      });
    });
  }

  /** Where the host should open the port: the symlink if one was asked for. */
  get hostPath(): string {
    return this.link ?? this.path;
  }

  get isOpen(): boolean {
    return !this.gone;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onBaud(listener: (baud: number) => void): () => void {
    this.baudListeners.add(listener);
    return () => this.baudListeners.delete(listener);
  }

  write(bytes: Uint8Array): void {
    if (this.gone) return;
    this.child.stdin!.write(Buffer.from(bytes));
  }

  /** Pull the plug: the master closes, the host sees the port vanish. */
  async close(): Promise<void> {
    if (this.gone) return;
    this.child.kill('SIGTERM');
    await this.exited;
    if (this.link) {
      try {
        if (fs.readlinkSync(this.link) === this.path) fs.unlinkSync(this.link);
      } catch {
        // already gone or re-pointed by a replug
      }
    }
  }

  private handle(kind: string, payload: Buffer): void {
    if (kind === 'B') {
      const baud = Number(payload.toString());
      this.hostBaud = baud || null;
      for (const l of this.baudListeners) l(baud);
    } else if (kind === 'D') {
      const bytes = new Uint8Array(payload);
      for (const l of this.dataListeners) l(bytes);
    }
  }
}
