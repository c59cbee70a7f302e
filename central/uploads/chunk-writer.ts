import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { CHECKSUM_MISMATCH_STATUS } from '../../common/sync/api';
import { ChunkRefusal } from './checksum';

/** Bytes gathered before one positioned write (a request body arrives in ~64 KiB pieces). */
const BATCH_BYTES = 1024 * 1024;

export interface ChunkWrite {
  /** The store's data file of the upload; its length is the upload's offset. */
  file: string;
  offset: number;
  /** The most this chunk may carry (the upload's size minus its offset). */
  limit: number;
  /** The declared base64 SHA-256 of the chunk (tus checksum extension), or null. */
  digest: string | null;
  /** The upload's running whole-file hash at `offset` (fed with the chunk), or null when unknown. */
  running: crypto.Hash | null;
  /** Aborted when another request for the same upload takes its lock. */
  signal: AbortSignal;
}

/**
 * One PATCH body into the store as it arrives: each piece is hashed for the chunk checksum and the
 * running whole-file hash in the same pass (one hash serves both for a chunk at offset 0) and
 * written at its position, one batch on disk while the next is read. The checksum can only be
 * checked at the end, so a refused, oversized or broken-off chunk is cut off again (the file is
 * truncated to `offset`): the upload's offset never moves past bytes that were not verified. A
 * crash of the central in the middle of a chunk leaves its first bytes unverified in the file;
 * the whole-file hash at the end still refuses a damaged file (422).
 */
export async function writeChunk(body: AsyncIterable<Buffer>, w: ChunkWrite): Promise<number> {
  const chunkHash = w.digest === null ? null : w.offset === 0 && w.running ? w.running : crypto.createHash('sha256');
  const running = chunkHash === w.running ? null : w.running;
  const handle = await fs.open(w.file, 'r+');
  let written = 0;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (batchBytes === 0) return;
    writing = handle.writev(batch, w.offset + written);
    written += batchBytes;
    batch = [];
    batchBytes = 0;
  };
  try {
    for await (const piece of body) {
      if (w.signal.aborted) throw new ChunkRefusal(409, '同一上传的另一个请求已接手，本次分块作废。');
      if (written + batchBytes + piece.length > w.limit) throw new ChunkRefusal(413, `分块超出上传的剩余长度（${w.limit} 字节）。`);
      chunkHash?.update(piece);
      running?.update(piece);
      batch.push(piece);
      batchBytes += piece.length;
      if (batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    await writing;
    const actual = chunkHash === null ? null : (chunkHash === w.running ? chunkHash.copy() : chunkHash).digest('base64');
    if (actual !== null && actual !== w.digest)
      throw new ChunkRefusal(CHECKSUM_MISMATCH_STATUS, '分块校验不符：数据在传输中损坏，已丢弃，请重新发送这一块。');
    return written;
  } catch (err) {
    await writing.catch(() => undefined);
    await handle.truncate(w.offset);
    throw err;
  } finally {
    await handle.close();
  }
}
