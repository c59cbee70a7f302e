import type { Generated } from 'kysely';

/**
 * 材料电子化 (migration 011). Page files and PDFs live sealed under `<data>/materials/` (never in
 * the database): these rows say what they are and where they belong.
 */

/** A page (or a whole PDF file) staged into a slot (draft id, material code) before any case exists. */
export interface MaterialPageTable {
  id: string;
  draft_id: string;
  material_code: string;
  position: number;
  kind: 'image' | 'pdf';
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  source: 'file' | 'camera' | 'scanner';
  /** A file name can carry a name ("张三身份证.jpg"): sealed with the PII cipher. */
  file_name_sealed: string | null;
  bytes: number;
  page_count: number;
  width: number | null;
  height: number | null;
  rotation: Generated<number>;
  /** JSON {x,y,w,h} fractions of the page, or null. */
  crop: string | null;
  staged_at: string;
  clerk_id: string;
}

/** One assembled material PDF, content-addressed by the SHA-256 of its plaintext. */
export interface MaterialBlobTable {
  sha256: string;
  size: number;
  sealed_size: number;
  pages: number;
  created_at: string;
  /** 待上传 / 已上传: the uploader sets `uploaded` once the central confirmed the hash. */
  upload_state: Generated<'pending' | 'uploaded'>;
  uploaded_at: string | null;
  /** Set when the local sealed file was removed (uploaded and retention allowed); the row stays. */
  local_deleted_at: string | null;
}

/** A case's material file: written in the decision's (or the supplement's) transaction. */
export interface CaseMaterialFileTable {
  case_id: string;
  material_code: string;
  sha256: string;
  pages: number;
  size: number;
  via: 'intake' | 'supplement';
  linked_at: string;
  clerk_id: string;
}

export interface MaterialsTables {
  material_page: MaterialPageTable;
  material_blob: MaterialBlobTable;
  case_material_file: CaseMaterialFileTable;
}
