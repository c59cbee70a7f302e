import { DetailedError, Upload } from 'tus-js-client';
import { BLOB_HASH_MISMATCH_STATUS, CHECKSUM_MISMATCH_STATUS } from '../../common/sync/api';
import { ChunkDigests } from './chunk-digests';
import { UploadHttpStack } from './http-stack';

export type TransferFailure = 'offline' | 'server' | 'hash_mismatch' | 'refused' | 'unauthenticated';

export class TransferError extends Error {
  constructor(
    readonly failure: TransferFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

export interface TransferInput {
  /** The tus endpoint: `<central>/v1/uploads`. */
  endpoint: string;
  credential: string;
  /** The Upload-Metadata: sha256, size, caseId, materialCode (UploadMetadata in common/sync/api.ts). */
  metadata: Record<'sha256' | 'size' | 'caseId' | 'materialCode', string>;
  /** The blob's plaintext, as the source verified it against `metadata.sha256`. */
  bytes: Buffer;
  /** Where an earlier attempt got to: tus-js-client HEADs it and resumes at the central's offset. */
  uploadUrl: string | null;
  chunkSize: number;
  onUploadUrl(url: string): void;
  onProgress(sent: number, total: number): void;
  onChunk(offset: number): void;
  signal?: AbortSignal;
}

const quickRetries = [0, 250, 1_000];

/**
 * One attempt to move one blob's bytes with tus-js-client. It re-sends on its own only what a
 * re-send fixes at once — a chunk refused by its checksum (460) and an offset mismatch (409, it
 * HEADs and resumes) — and hands every other failure to the uploader, whose timer backs off.
 */
export function transfer(input: TransferInput): Promise<{ uploadUrl: string; received: boolean }> {
  return new Promise((resolve_, reject_) => {
    // The signal is the uploader's pass, shared by every blob of it: each transfer takes its listener off again.
    const onAbort = () => {
      void upload.abort();
      reject(new TransferError('offline', '上传已停止。'));
    };
    const settle = () => input.signal?.removeEventListener('abort', onAbort);
    const resolve = (v: { uploadUrl: string; received: boolean }) => (settle(), resolve_(v));
    const reject = (e: Error) => (settle(), reject_(e));
    const upload = new Upload(input.bytes, {
      endpoint: input.endpoint,
      uploadUrl: input.uploadUrl,
      chunkSize: input.chunkSize,
      // The first chunk rides on the creation POST: a material smaller than a chunk is one request.
      uploadDataDuringCreation: true,
      uploadSize: input.bytes.length,
      metadata: input.metadata,
      headers: { authorization: `Bearer ${input.credential}` },
      httpStack: new UploadHttpStack(new ChunkDigests(input.bytes, input.chunkSize, input.metadata.sha256)),
      retryDelays: quickRetries,
      onShouldRetry: (err) => {
        const status = err.originalResponse?.getStatus();
        return status === CHECKSUM_MISMATCH_STATUS || status === 409 || status === 423;
      },
      onUploadUrlAvailable: () => {
        if (upload.url) input.onUploadUrl(upload.url);
      },
      onProgress: input.onProgress,
      onChunkComplete: (_size, accepted) => input.onChunk(accepted),
      onSuccess: ({ lastResponse }) => resolve({ uploadUrl: upload.url ?? '', received: lastResponse.getHeader('Yichuang-Blob') === 'received' }),
      onError: (err) => reject(classify(err)),
    });
    input.signal?.addEventListener('abort', onAbort);
    upload.start();
  });
}

function classify(err: Error): TransferError {
  const status = err instanceof DetailedError ? err.originalResponse?.getStatus() : undefined;
  if (status === undefined || status === 0) return new TransferError('offline', '无法连接中心平台：网络不通或服务未启动，稍后自动重传。');
  if (status === BLOB_HASH_MISMATCH_STATUS) return new TransferError('hash_mismatch', '中心平台核对整个文件的 SHA-256 不符，已丢弃本次上传，稍后从头重传。', status);
  if (status === 401 || status === 403) return new TransferError('unauthenticated', '中心平台不认本窗口的凭据：请重新注册本窗口（yichuang enroll）。', status);
  if (status === 408 || status === 409 || status === 423 || status === 429 || status >= 500 || status === CHECKSUM_MISMATCH_STATUS)
    return new TransferError('server', `中心平台暂时无法接收（HTTP ${status}），稍后自动重传。`, status);
  return new TransferError('refused', `中心平台拒收该文件（HTTP ${status}）。`, status);
}
