import crypto from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { Upload } from '@tus/utils';
import { BLOB_HASH_MISMATCH_STATUS, MAX_BLOB_BYTES, UPLOAD_CHECKSUM_ALGORITHM, UPLOADS_PATH, UploadMetadata, type BlobRef } from '../../common/sync/api';
import type { CentralStore } from '../db/open';
import { recordReceivedBlob } from '../store/blobs';
import type { DeviceIdentity } from '../store/credentials';
import { ChecksumRefusal, readVerifiedChunk } from './checksum';
import { RunningHashes } from './running-hash';

/** The largest PATCH body the checksum extension buffers; windows send smaller chunks (see main/uploads). */
export const MAX_CHUNK_BYTES = 32 * 1024 * 1024;
/** Set by the central itself for tus's hooks (any copy a client sends is dropped). */
const DEVICE_HEADER = 'x-yichuang-device';
/** The id a creation POST will get (so its first chunk can start the running hash). */
const ID_HEADER = 'x-yichuang-upload-id';
const refuse = (status_code: number, body: string) => ({ status_code, body });

export interface UploadEndpoint {
  handle(req: http.IncomingMessage, res: http.ServerResponse, who: DeviceIdentity): Promise<void>;
  /** Hashes a complete upload of `deviceId` and records it (the window's confirmation after a central crash between the last byte and the record). */
  finalizeIfComplete(uploadId: string, deviceId: string, ref: BlobRef): Promise<boolean>;
}

/**
 * tus 1.0 (core, creation, termination, expiration + checksum) at /v1/uploads over @tus/server and
 * a file store in `<dataDir>/uploads` (an S3-compatible store is the production option: see
 * central/README.md). A material is marked received only after the central hashed the whole file.
 */
export function createUploadEndpoint(store: CentralStore, dataDir: string): UploadEndpoint {
  const datastore = new FileStore({ directory: path.join(dataDir, 'uploads'), expirationPeriodInMilliseconds: 7 * 24 * 3600_000 });
  const running = new RunningHashes();

  const metadataOf = (upload: Upload): UploadMetadata => {
    const parsed = UploadMetadata.safeParse(upload.metadata ?? {});
    if (!parsed.success) throw refuse(400, `Upload-Metadata 无效（${parsed.error.issues[0]?.path.join('.')}）：需要 sha256、size、caseId、materialCode。\n`);
    return parsed.data;
  };

  /** The whole file against its declared sha256: received, or refused and deleted. */
  const finalize = async (upload: Upload, deviceId: string, ref: BlobRef): Promise<void> => {
    const meta = metadataOf(upload);
    let digest = running.digestAt(upload.id, meta.size);
    if (!digest) {
      const hash = crypto.createHash('sha256');
      for await (const chunk of datastore.read(upload.id)) hash.update(chunk as Buffer);
      digest = hash.digest('hex');
    }
    running.forget(upload.id);
    if (digest !== meta.sha256) {
      await datastore.remove(upload.id).catch(() => undefined);
      throw refuse(BLOB_HASH_MISMATCH_STATUS, '整个文件的 SHA-256 与声明不符：中心未接收并已删除本次上传，请从头重传。\n');
    }
    const { duplicate } = await recordReceivedBlob(store.db, { sha256: meta.sha256, size: meta.size, uploadId: upload.id, deviceId }, ref);
    // Exactly once: the first upload of these bytes keeps them, a later one is a no-op success.
    if (duplicate) await datastore.remove(upload.id).catch(() => undefined);
  };

  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore,
    relativeLocation: true,
    maxSize: MAX_BLOB_BYTES,
    namingFunction: (req) => req.headers.get(ID_HEADER) ?? crypto.randomUUID(),
    async onUploadCreate(req, upload) {
      const meta = metadataOf(upload);
      if (upload.size !== meta.size) throw refuse(400, `Upload-Length（${upload.size}）与元数据 size（${meta.size}）不一致。\n`);
      return { metadata: { ...upload.metadata, device: req.headers.get(DEVICE_HEADER) } };
    },
    async onIncomingRequest(req, id) {
      if (req.method === 'POST') return; // being created: its owner is set in onUploadCreate
      const upload = await datastore.getUpload(id);
      if (upload.metadata?.device !== req.headers.get(DEVICE_HEADER)) throw refuse(404, '没有这个上传。\n');
    },
    async onUploadFinish(req, upload) {
      const meta = metadataOf(upload);
      await finalize(upload, req.headers.get(DEVICE_HEADER) ?? '', meta);
      return { headers: { 'Yichuang-Blob': 'received' } };
    },
  });

  return {
    async handle(req, res, who) {
      let body: Buffer | Readable | undefined;
      // PATCH /v1/uploads/<id> at Upload-Offset; a POST with data (creation-with-upload) is at 0 of a new id.
      const patchOf =
        req.method === 'PATCH'
          ? { id: (req.url ?? '').split('?')[0]!.split('/').pop()!, offset: Number(req.headers['upload-offset']) }
          : req.method === 'POST'
            ? { id: crypto.randomUUID(), offset: 0 }
            : null;
      try {
        const checksum = req.headers['upload-checksum'];
        if (typeof checksum === 'string' && (req.method === 'PATCH' || req.method === 'POST'))
          body = await readVerifiedChunk(req, checksum, MAX_CHUNK_BYTES, (chunk) => patchOf && running.propose(patchOf.id, patchOf.offset, chunk));
        else if (req.method === 'PATCH' || (req.method === 'POST' && Number(req.headers['content-length'] ?? 0) > 0)) body = req;
      } catch (err) {
        if (!(err instanceof ChecksumRefusal)) throw err;
        res.writeHead(err.status, { 'content-type': 'text/plain; charset=utf-8', 'tus-resumable': '1.0.0' });
        return void res.end(`${err.message}\n`);
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (name === DEVICE_HEADER || name === ID_HEADER || value === undefined) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      headers.set(DEVICE_HEADER, who.deviceId);
      if (req.method === 'POST' && patchOf) headers.set(ID_HEADER, patchOf.id);
      const request = new Request(`http://central${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : (Readable.toWeb(body) as ReadableStream),
        duplex: 'half',
      } as RequestInit);
      const answer = await tus.handleWeb(request);
      if (patchOf) running.settle(patchOf.id, answer.status === 204 || answer.status === 201 ? Number(answer.headers.get('upload-offset') ?? Number.NaN) : null);
      const out = Object.fromEntries(answer.headers);
      if (req.method === 'OPTIONS') {
        out['tus-extension'] = [out['tus-extension'], 'checksum'].filter(Boolean).join(',');
        out['tus-checksum-algorithm'] = UPLOAD_CHECKSUM_ALGORITHM;
      }
      res.writeHead(answer.status, out);
      res.end(Buffer.from(await answer.arrayBuffer()));
    },

    async finalizeIfComplete(uploadId, deviceId, ref) {
      const upload = await datastore.getUpload(uploadId).catch(() => null);
      if (!upload || upload.metadata?.device !== deviceId || upload.size === undefined || upload.offset !== upload.size) return false;
      if (metadataOf(upload).sha256 !== ref.sha256) return false;
      try {
        await finalize(upload, deviceId, ref);
        return true;
      } catch {
        return false;
      }
    },
  };
}
