import fs from 'node:fs';
import path from 'node:path';

/**
 * A small size-based rotating log file: `name.log`, `name.1.log` … `name.N.log`.
 * Synchronous writes on purpose: a log line written before a crash must be on disk.
 */
export class RotatingFile {
  private fd: number;
  private size: number;

  constructor(
    private readonly file: string,
    private readonly maxBytes = 5 * 1024 * 1024,
    private readonly keep = 5,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'a', 0o600);
    this.size = fs.fstatSync(this.fd).size;
  }

  write(line: string): void {
    const buf = Buffer.from(line);
    if (this.size + buf.length > this.maxBytes) this.rotate();
    fs.writeSync(this.fd, buf);
    this.size += buf.length;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private rotate(): void {
    fs.closeSync(this.fd);
    const ext = path.extname(this.file);
    const base = this.file.slice(0, -ext.length);
    for (let i = this.keep - 1; i >= 1; i--) {
      const from = `${base}.${i}${ext}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${base}.${i + 1}${ext}`);
    }
    fs.renameSync(this.file, `${base}.1${ext}`);
    this.fd = fs.openSync(this.file, 'a', 0o600);
    this.size = 0;
  }
}
