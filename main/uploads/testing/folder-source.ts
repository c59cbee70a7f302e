import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LocalBlobDamagedError, type PendingBlob, type UploadSource } from '../source';

/**
 * An upload source over a plain folder (`<sha256>.bin` + `index.json`), for the uploader's tests
 * and the bench: the product's source is the sealed material store (main/materials).
 */
export class FolderSource implements UploadSource {
  readonly confirmedShas: string[] = [];

  /** Checks the hash on open, as the material store does when it unseals. */
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Adds a blob; `declaredSha256` lets a test lie about the bytes. */
  add(bytes: Buffer, link: { caseId: string; materialCode: string }, declaredSha256?: string): PendingBlob {
    const sha256 = declaredSha256 ?? crypto.createHash('sha256').update(bytes).digest('hex');
    fs.writeFileSync(path.join(this.dir, `${sha256}.bin`), bytes);
    const list = this.read();
    const known = list.find((b) => b.sha256 === sha256);
    if (known) known.links.push(link);
    else list.push({ sha256, size: bytes.length, links: [link] });
    this.write(list);
    return list.find((b) => b.sha256 === sha256)!;
  }

  async pending(): Promise<PendingBlob[]> {
    return this.read();
  }

  async open(sha256: string): Promise<Buffer | null> {
    const file = path.join(this.dir, `${sha256}.bin`);
    if (!fs.existsSync(file)) return null;
    const bytes = fs.readFileSync(file);
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) throw new LocalBlobDamagedError();
    return bytes;
  }

  async confirmed(sha256: string): Promise<void> {
    this.confirmedShas.push(sha256);
    this.write(this.read().filter((b) => b.sha256 !== sha256));
    fs.rmSync(path.join(this.dir, `${sha256}.bin`), { force: true });
  }

  private read(): PendingBlob[] {
    const file = path.join(this.dir, 'index.json');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PendingBlob[]) : [];
  }

  private write(list: PendingBlob[]): void {
    const file = path.join(this.dir, 'index.json');
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(list));
    fs.renameSync(`${file}.tmp`, file);
  }
}
