import crypto from 'node:crypto';
import type http from 'node:http';
import { CHECKSUM_MISMATCH_STATUS, UPLOAD_CHECKSUM_ALGORITHM } from '../../common/sync/api';

export class ChecksumRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The tus checksum extension: reads a chunk that carries `Upload-Checksum: sha256 <base64>` into
 * memory (a chunk is bounded by `maxBytes`) and returns it only if it hashes to that digest. The
 * store never sees a refused chunk, so the upload's offset stays where it was (460, the client
 * re-sends the chunk). `alongside` runs on the main thread while the digest is computed in the
 * thread pool (WebCrypto): the central's running whole-file hash costs no extra wall time.
 */
export async function readVerifiedChunk(req: http.IncomingMessage, header: string, maxBytes: number, alongside: (chunk: Buffer) => void = () => undefined): Promise<Buffer> {
  const [algorithm, digest, extra] = header.trim().split(/\s+/);
  if (algorithm !== UPLOAD_CHECKSUM_ALGORITHM || !digest || extra !== undefined)
    throw new ChecksumRefusal(400, `不支持的校验算法（Upload-Checksum: ${header.slice(0, 40)}）：请使用 ${UPLOAD_CHECKSUM_ALGORITHM}。`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new ChecksumRefusal(413, `分块过大（${declared} 字节，上限 ${maxBytes}）。`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new ChecksumRefusal(413, `分块过大（上限 ${maxBytes} 字节）。`);
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks, size);
  const computing = crypto.subtle.digest('SHA-256', body);
  alongside(body);
  if (Buffer.from(await computing).toString('base64') !== digest) throw new ChecksumRefusal(CHECKSUM_MISMATCH_STATUS, '分块校验不符：数据在传输中损坏，已丢弃，请重新发送这一块。');
  return body;
}
