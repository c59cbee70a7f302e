/**
 * Where each material file's upload to the central stands (migration 012; main/uploads). A row
 * lives from the first attempt until the central confirmed the blob's hash; the blob and its case
 * links belong to the material store.
 */
export interface UploadStateTable {
  sha256: string;
  size: number;
  /** The tus upload on the central, kept so a restart HEADs it and resumes instead of starting over. */
  upload_url: string | null;
  /** Bytes the central acknowledged (last chunk answer). */
  acked_bytes: number;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  updated_at: string;
}

export interface UploadTables {
  upload_state: UploadStateTable;
}
