/** Tables of central migration 003: material files (blobs) received over tus, and the cases they belong to. */
export interface ReceivedBlobsTables {
  /** One row per content hash, written only after the central hashed the whole file: exactly once per sha256. */
  received_blobs: {
    sha256: string;
    size: number;
    /** The tus upload id holding the bytes in the upload store. */
    upload_id: string;
    device_id: string;
    received_at: string;
  };
  /** Which case material a blob is: one blob may serve several (the same ID card copy in two cases). */
  blob_links: { sha256: string; case_id: string; material_code: string; device_id: string; linked_at: string };
}
