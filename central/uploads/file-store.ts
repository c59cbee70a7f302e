import fs from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';

/** The ids this store names its files by (the endpoint's UUIDs): never a path. */
const PLAIN_ID = /^[A-Za-z0-9-]+$/;
/** Uploads created and never written (a window gone after its POST) fall back to the disk past this many. */
const KEPT = 1_000;

/**
 * @tus/file-store with less file-system work per upload, same files on disk (`<id>` and
 * `<id>.json`, so HEAD, resume and expiry after a restart read what they always read). A material
 * is usually one creation-with-upload POST, and @tus/file-store would `mkdir` the (existing) folder
 * on creation and read the new upload's JSON back twice before its first byte (once for @tus/server's
 * Upload-Expires, once for the PATCH handler). Here an upload just created is answered from memory
 * until its first byte is written (`writing`): the file is empty then, so its offset is 0.
 */
export class LeanFileStore extends FileStore {
  /** Created, and no byte written yet (memory only: after a restart the JSON on disk answers). */
  private readonly fresh = new Map<string, Upload>();

  override async create(upload: Upload): Promise<Upload> {
    if (!PLAIN_ID.test(upload.id)) return super.create(upload);
    const file = path.join(this.directory, upload.id);
    await fs.writeFile(file, '');
    await this.configstore.set(upload.id, upload);
    upload.storage = { type: 'file', path: file };
    this.fresh.set(upload.id, new Upload({ ...upload, offset: 0 }));
    if (this.fresh.size > KEPT) this.fresh.delete(this.fresh.keys().next().value!);
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const known = this.fresh.get(id);
    return known ? new Upload({ ...known, metadata: { ...known.metadata } }) : super.getUpload(id);
  }

  /** Bytes of `id` are about to be written (under its lock): from now on its offset is the file's length. */
  writing(id: string): void {
    this.fresh.delete(id);
  }

  override write(...args: Parameters<FileStore['write']>): Promise<number> {
    this.fresh.delete(args[1]);
    return super.write(...args);
  }

  /** The upload's bytes on disk (fdatasync), before the central records them received. */
  async persistFile(id: string): Promise<void> {
    const file = await fs.open(path.join(this.directory, id), 'r+');
    try {
      await file.datasync();
    } finally {
      await file.close();
    }
  }

  /** The folder's entries on disk (Windows cannot open a folder for fsync: there the files' own flush has to do). */
  async persistFolder(): Promise<void> {
    if (process.platform === 'win32') return;
    const folder = await fs.open(this.directory, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  override async remove(id: string): Promise<void> {
    this.fresh.delete(id);
    return super.remove(id);
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    this.fresh.delete(id);
    return super.declareUploadLength(id, length);
  }
}
