import { UPLOAD_CHECKSUM_ALGORITHM } from '../../common/sync/api';

/** A PATCH refused before or after its bytes were written (bad checksum, too long, superseded); the store is back at the request's offset. */
export class ChunkRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The base64 digest of a tus checksum-extension header `Upload-Checksum: sha256 <base64>` (400 for any other algorithm). */
export function parseUploadChecksum(header: string): string {
  const [algorithm, digest, extra] = header.trim().split(/\s+/);
  if (algorithm !== UPLOAD_CHECKSUM_ALGORITHM || !digest || extra !== undefined)
    throw new ChunkRefusal(400, `不支持的校验算法（Upload-Checksum: ${header.slice(0, 40)}）：请使用 ${UPLOAD_CHECKSUM_ALGORITHM}。`);
  return digest;
}
