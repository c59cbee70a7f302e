import type { Readable } from 'node:stream';

/**
 * What the uploader (main/uploads/, issue 16) relies on: material PDFs sealed at rest under
 * `<data>/materials/blobs/ab/abcdef…`, content-addressed by the SHA-256 of the plaintext PDF. One blob
 * may serve several cases (a bundle's cases share the ID card copy): upload state is per blob, the
 * case links are rows of `case_material_file`.
 */
export interface PendingUpload {
  sha256: string;
  /** Plaintext PDF bytes: what the central receives and hashes. */
  size: number;
  pages: number;
  /** One linked case and material (the first linked); `links` has them all. */
  caseId: string;
  materialCode: string;
  links: { caseId: string; materialCode: string }[];
  /** When the blob was first linked to a case (oldest first). */
  linkedAt: string;
}

export type DeleteOutcome =
  | { deleted: true }
  | { deleted: false; reason: 'not-uploaded' | 'retention' | 'missing' };

export interface MaterialBlobStore {
  /** Blobs linked to at least one case and not yet confirmed by the central, oldest first. */
  listPendingUploads(limit?: number): Promise<PendingUpload[]>;
  /** The plaintext PDF, its SHA-256 checked against the name (BlobMissingError / BlobCorruptError otherwise). */
  readBlob(sha256: string): Promise<Buffer>;
  /** The same bytes as a stream (opened and checked first: a blob is a few MB, sealed as one piece). */
  openReadStream(sha256: string): Promise<Readable>;
  /** The central confirmed this hash: 待上传 → 已上传 (idempotent; false when the blob is unknown). */
  markBlobUploaded(sha256: string, at?: Date): Promise<boolean>;
  /** Remove the local sealed file when it is uploaded and retention allows (main/retention/blob-retention.ts); the row stays. */
  deleteLocalIfAllowed(sha256: string, now?: Date): Promise<DeleteOutcome>;
}

export class BlobMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`材料文件 ${sha256.slice(0, 12)}… 不在本机（可能已上传后按保存期限删除）。`);
    this.name = 'BlobMissingError';
  }
}

export class BlobCorruptError extends Error {
  constructor(readonly sha256: string) {
    super(`材料文件 ${sha256.slice(0, 12)}… 已损坏：内容与其校验值不符。`);
    this.name = 'BlobCorruptError';
  }
}
