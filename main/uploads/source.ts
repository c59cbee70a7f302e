import { BlobCorruptError, BlobMissingError, type MaterialBlobStore } from '../materials/blob-store';

/** A material file waiting for the central: its plaintext's SHA-256, size, and every case material it is. */
export interface PendingBlob {
  sha256: string;
  size: number;
  links: Array<{ caseId: string; materialCode: string }>;
}

/**
 * What the uploader needs from the material store: the blobs the central has not confirmed, their
 * plaintext, and what to do once the central confirmed a blob's hash. The uploader never touches
 * the sealed files itself. The product's source is the material blob store (`blobStoreSource`).
 */
export interface UploadSource {
  /** Oldest first. */
  pending(): Promise<PendingBlob[]>;
  /**
   * The plaintext (unsealed) bytes, checked against `sha256`; null when the blob is gone. Throws when
   * the local copy is damaged. The uploader relies on the check: `sha256` is the checksum it sends
   * for a chunk that is the whole blob.
   */
  open(sha256: string): Promise<Buffer | null>;
  /** The central confirmed it holds `sha256` (hashed there): 已上传, and the local copy goes when retention allows. */
  confirmed(sha256: string): Promise<void>;
}

export class LocalBlobDamagedError extends Error {
  constructor() {
    super('本机材料文件与其 SHA-256 不符（文件已损坏）：未上传，请在运维中检查该材料并重新采集。');
    this.name = 'LocalBlobDamagedError';
  }
}

export function blobStoreSource(store: MaterialBlobStore): UploadSource {
  return {
    pending: () => store.listPendingUploads(),
    async open(sha256) {
      try {
        return await store.readBlob(sha256);
      } catch (err) {
        if (err instanceof BlobMissingError) return null;
        if (err instanceof BlobCorruptError) throw new LocalBlobDamagedError();
        throw err;
      }
    },
    async confirmed(sha256) {
      await store.markBlobUploaded(sha256);
      // Retention decides; a refusal is normal (kept for its period) and retried by the retention job.
      await store.deleteLocalIfAllowed(sha256);
    },
  };
}
