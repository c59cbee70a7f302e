import type http from 'node:http';
import path from 'node:path';
import { ERRORS, type Locker, type Upload } from '@tus/server';
import { ChunkRefusal, parseUploadChecksum } from './checksum';
import { writeChunk } from './chunk-writer';
import type { LeanFileStore } from './file-store';
import type { RunningHashes } from './running-hash';

/** An answer to send: @tus/server's ERRORS and the endpoint's refusals have this shape. */
export interface TusAnswer {
  status_code: number;
  body: string;
  headers?: Record<string, string>;
}

export interface PatchDeps {
  datastore: LeanFileStore;
  directory: string;
  locker: Locker;
  running: RunningHashes;
  /** Throws a TusAnswer (404) unless the upload belongs to `deviceId`. */
  ownedBy(upload: Upload, deviceId: string): void;
  /** The whole file is in: hash-checked and recorded (throws a TusAnswer, 422), answers the extra headers. */
  finish(upload: Upload, deviceId: string): Promise<Record<string, string>>;
}

const isAnswer = (e: unknown): e is TusAnswer => typeof e === 'object' && e !== null && typeof (e as TusAnswer).status_code === 'number';

/**
 * tus PATCH (core + checksum + expiration) on @tus/server's file store without its web-stream
 * round trip: the body goes from the socket through one hashing pass into the upload's file
 * (chunk-writer.ts). Everything else (creation, HEAD, DELETE, OPTIONS) stays with @tus/server,
 * which shares this handler's locker, so a PATCH and a DELETE of one upload never overlap.
 */
export function createPatchHandler(d: PatchDeps) {
  /** Writes the body of `req` at `offset` of upload `id` and answers the new offset (throws a TusAnswer or ChunkRefusal). */
  const write = async (req: http.IncomingMessage, id: string, offset: number, deviceId: string): Promise<{ offset: number; headers: Record<string, string> }> => {
    if (!Number.isSafeInteger(offset) || offset < 0) throw ERRORS.INVALID_OFFSET;
    const header = req.headers['upload-checksum'];
    const digest = typeof header === 'string' ? parseUploadChecksum(header) : null;
    const gone = new AbortController();
    req.once('close', () => gone.abort());
    const superseded = new AbortController();
    const lock = d.locker.newLock(id);
    await lock.lock(gone.signal, async () => {
      // A newer request for this upload (the window resumed): this one ends and frees the lock.
      superseded.abort();
      req.destroy();
    });
    let upload: Upload;
    let written: number;
    try {
      upload = await d.datastore.getUpload(id);
      d.ownedBy(upload, deviceId);
      const expiry = d.datastore.getExpiration();
      if (expiry > 0 && upload.creation_date && Date.now() > Date.parse(upload.creation_date) + expiry) throw ERRORS.FILE_NO_LONGER_EXISTS;
      if (upload.offset !== offset) throw ERRORS.INVALID_OFFSET;
      if (upload.size === undefined) throw ERRORS.INVALID_LENGTH;
      const limit = upload.size - offset;
      if (Number(req.headers['content-length'] ?? 0) > limit) throw ERRORS.ERR_SIZE_EXCEEDED;
      const running = d.running.startAt(id, offset);
      d.datastore.writing(id);
      written = await writeChunk(req, { file: path.join(d.directory, id), offset, limit, digest, running, signal: superseded.signal });
      d.running.commit(id, offset + written, running);
    } finally {
      await lock.unlock();
    }
    upload.offset = offset + written;
    if (upload.offset === upload.size) return { offset: upload.offset, headers: await d.finish(upload, deviceId) };
    const expiry = d.datastore.getExpiration();
    const expires: Record<string, string> = expiry > 0 && upload.creation_date ? { 'upload-expires': new Date(Date.parse(upload.creation_date) + expiry).toUTCString() } : {};
    return { offset: upload.offset, headers: expires };
  };

  /** Sends `write`'s answer, or the refusal it threw. */
  const answer = async (res: http.ServerResponse, status: number, run: () => Promise<{ offset: number; headers: Record<string, string> }>, extra: Record<string, string> = {}) => {
    try {
      const r = await run();
      res.writeHead(status, { ...extra, 'tus-resumable': '1.0.0', 'upload-offset': String(r.offset), ...r.headers });
      res.end();
    } catch (err) {
      const refusal = err instanceof ChunkRefusal ? { status_code: err.status, body: `${err.message}\n` } : isAnswer(err) ? err : null;
      if (!refusal) throw err;
      if (res.headersSent || res.destroyed) return;
      res.writeHead(refusal.status_code, { 'content-type': 'text/plain; charset=utf-8', 'tus-resumable': '1.0.0', ...refusal.headers });
      res.end(refusal.body);
    }
  };

  return {
    /** PATCH /v1/uploads/<id>. */
    async patch(req: http.IncomingMessage, res: http.ServerResponse, id: string, deviceId: string): Promise<void> {
      if (req.headers['tus-resumable'] !== '1.0.0') {
        res.writeHead(412, { 'tus-version': '1.0.0', 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('Tus-Resumable Required\n');
      }
      await answer(res, 204, async () => {
        if (req.headers['content-type'] !== 'application/offset+octet-stream') throw ERRORS.INVALID_CONTENT_TYPE;
        if (req.headers['upload-offset'] === undefined) throw ERRORS.MISSING_OFFSET;
        return write(req, id, Number(req.headers['upload-offset']), deviceId);
      });
    },
    /** The data of a creation POST (creation-with-upload) into the upload @tus/server just created; a refused chunk removes that upload. */
    async created(req: http.IncomingMessage, res: http.ServerResponse, id: string, deviceId: string, location: Record<string, string>): Promise<void> {
      await answer(
        res,
        201,
        async () => {
          try {
            return await write(req, id, 0, deviceId);
          } catch (err) {
            d.running.forget(id);
            await d.datastore.remove(id).catch(() => undefined);
            throw err;
          }
        },
        location,
      );
    },
  };
}
