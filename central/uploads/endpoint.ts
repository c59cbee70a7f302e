import crypto from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';
import { MemoryLocker, Server as TusServer, type Upload } from '@tus/server';
import { BLOB_HASH_MISMATCH_STATUS, MAX_BLOB_BYTES, UPLOAD_CHECKSUM_ALGORITHM, UPLOADS_PATH, UploadMetadata, type BlobRef } from '../../common/sync/api';
import type { CentralStore } from '../db/open';
import type { DeviceIdentity } from '../store/credentials';
import { LeanFileStore } from './file-store';
import { createPatchHandler } from './patch-handler';
import { Receipts } from './receipts';
import { RunningHashes } from './running-hash';

/** Set by the central itself for tus's hooks (any copy a client sends is dropped). */
const DEVICE_HEADER = 'x-yichuang-device';
/** The id a creation POST will get (so its data can be written by the PATCH handler). */
const ID_HEADER = 'x-yichuang-upload-id';
/** Headers of a creation-with-upload POST that belong to its data, not to the creation @tus/server does. */
const DATA_HEADERS = new Set(['content-length', 'content-type', 'transfer-encoding', 'upload-checksum']);

const refuse = (status_code: number, body: string) => ({ status_code, body });

export interface UploadEndpoint {
  handle(req: http.IncomingMessage, res: http.ServerResponse, who: DeviceIdentity): Promise<void>;
  /** Hashes a complete upload of `deviceId` and records it (the window's confirmation after a central crash between the last byte and the record). */
  finalizeIfComplete(uploadId: string, deviceId: string, ref: BlobRef): Promise<boolean>;
}

/**
 * tus 1.0 (core, creation, creation-with-upload, termination, expiration + checksum) at
 * /v1/uploads over a file store in `<dataDir>/uploads` (an S3-compatible store is the production
 * option: see central/README.md). @tus/server answers creation, HEAD, DELETE and OPTIONS; the bytes
 * (PATCH, and the data of a creation POST) go through patch-handler.ts, which hashes them once on
 * their way to the file. A material is marked received only after the central hashed the whole file.
 */
export function createUploadEndpoint(store: CentralStore, dataDir: string): UploadEndpoint {
  const datastore = new LeanFileStore({ directory: path.join(dataDir, 'uploads'), expirationPeriodInMilliseconds: 7 * 24 * 3600_000 });
  const running = new RunningHashes();
  const receipts = new Receipts({ db: store.db, persistFile: (id) => datastore.persistFile(id), persistFolder: () => datastore.persistFolder() });

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
    // Durable before recorded, recorded before answered (grouped with the blobs finishing beside it).
    const { duplicate } = await receipts.record({ sha256: meta.sha256, size: meta.size, uploadId: upload.id, deviceId }, ref);
    // Exactly once: the first upload of these bytes keeps them, a later one is a no-op success.
    if (duplicate) await datastore.remove(upload.id).catch(() => undefined);
  };

  const directory = path.join(dataDir, 'uploads');
  const locker = new MemoryLocker();
  const ownedBy = (upload: Upload, deviceId: string) => {
    if (upload.metadata?.device !== deviceId) throw refuse(404, '没有这个上传。\n');
  };
  const bytes = createPatchHandler({
    datastore,
    directory,
    locker,
    running,
    ownedBy,
    async finish(upload, deviceId) {
      await finalize(upload, deviceId, metadataOf(upload));
      return { 'yichuang-blob': 'received' };
    },
  });

  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore,
    locker,
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
      ownedBy(await datastore.getUpload(id), req.headers.get(DEVICE_HEADER) ?? '');
    },
  });

  /** One bodiless request through @tus/server; the answer is returned unsent. */
  const viaTus = async (req: http.IncomingMessage, who: DeviceIdentity, id?: string) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === DEVICE_HEADER || name === ID_HEADER || value === undefined || (id && DATA_HEADERS.has(name))) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    headers.set(DEVICE_HEADER, who.deviceId);
    if (id) headers.set(ID_HEADER, id);
    return tus.handleWeb(new Request(`http://central${req.url ?? '/'}`, { method: req.method, headers }));
  };

  const send = async (res: http.ServerResponse, answer: Response, extra: Record<string, string> = {}) => {
    res.writeHead(answer.status, { ...Object.fromEntries(answer.headers), ...extra });
    res.end(Buffer.from(await answer.arrayBuffer()));
  };

  return {
    async handle(req, res, who) {
      if (req.method === 'PATCH') return bytes.patch(req, res, (req.url ?? '').split('?')[0]!.split('/').pop()!, who.deviceId);
      const withData = req.method === 'POST' && (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined);
      if (withData) {
        // creation-with-upload: @tus/server creates the upload, its data is written like a PATCH at 0.
        const id = crypto.randomUUID();
        const created = await viaTus(req, who, id);
        if (created.status !== 201) return send(res, created);
        return bytes.created(req, res, id, who.deviceId, { location: created.headers.get('location') ?? '' });
      }
      const answer = await viaTus(req, who);
      if (req.method !== 'OPTIONS') return send(res, answer);
      return send(res, answer, {
        'tus-extension': [answer.headers.get('tus-extension'), 'checksum'].filter(Boolean).join(','),
        'tus-checksum-algorithm': UPLOAD_CHECKSUM_ALGORITHM,
      });
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
