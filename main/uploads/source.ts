/** A material file waiting for the central: its plaintext's SHA-256, size and the case material it is. */
export interface PendingBlob {
  sha256: string;
  size: number;
  caseId: string;
  materialCode: string;
}

/**
 * What the uploader needs from the material store (the port `main/materials` implements): the
 * blobs not yet confirmed by the central, their plaintext, and what to do once the central
 * confirmed a blob's hash. The uploader never touches the sealed files itself.
 */
export interface UploadSource {
  /** Blobs the central has not confirmed, oldest first (one entry per case link). */
  pending(): Promise<PendingBlob[]>;
  /** The plaintext (unsealed) bytes; null when the blob is gone. */
  open(sha256: string): Promise<Buffer | null>;
  /** The central confirmed it holds `sha256` (hashed there); the store records it and deletes its copy when retention allows. */
  confirmed(sha256: string): Promise<void>;
}
