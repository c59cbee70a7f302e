import { z } from 'zod';
import { defineMethod, text } from './define';

// The page limits are plain constants in their own file (no zod): the renderer's first screen and
// the host's start-up use them without evaluating the contracts.
export { BYTES_METHODS, bytesLimitOf, PAGE_MAX_BYTES, PAGE_TARGET, PAGE_TOO_LARGE_MESSAGE, type BytesMethodName } from './page-limits';

/**
 * 材料电子化 (issue 16): pages captured at the window before the case exists, assembled per material
 * into one PDF at acceptance, sealed at rest, uploaded later.
 *
 * Pages belong to a slot: (intake draft id, material code). The draft id is a UUID the intake screen
 * makes when it opens an intake (not the case id: pages come before any case or case draft) and
 * passes to `intake.accept…` / `intake.supplement` as `materialsDraftId`; the acceptance links the
 * slot's assembled PDF to the case in the decision's own transaction.
 *
 * Page bytes never travel in JSON: `materials.stagePage` is a bytes method (BYTES_METHODS) whose
 * bytes go beside the JSON input (`window.yichuang.invokeBytes`: Electron IPC passes a Uint8Array,
 * the loopback host takes a raw body at POST /api/bytes). All other methods reference page ids.
 */

export const PageMime = z.enum(['image/jpeg', 'image/png', 'application/pdf']);
export type PageMime = z.infer<typeof PageMime>;
/** Where a page came from: a file the clerk chose, the document camera (高拍仪), a scanner. */
export const PageSource = z.enum(['file', 'camera', 'scanner']);
export type PageSource = z.infer<typeof PageSource>;
export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof Rotation>;
/** A crop rectangle as fractions of the (unrotated) page: 0 ≤ x, y; x + w ≤ 1; y + h ≤ 1. */
export const Crop = z
  .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().gt(0).max(1), h: z.number().gt(0).max(1) })
  .strict()
  .refine((c) => c.x + c.w <= 1.000001 && c.y + c.h <= 1.000001, { message: '裁剪范围超出页面。' });
export type Crop = z.infer<typeof Crop>;

const DraftId = z.uuid();
const MaterialCode = text(100).min(1);
const PageId = text(80).min(1);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One staged part of a slot: an image page, or a PDF file kept whole as a part (its pages are
 * copied into the material's PDF at assembly; `pageCount` counts them). Rotation and crop are
 * metadata applied at assembly (PDF /Rotate and /CropBox): the stored image is never re-encoded.
 */
export const PageView = z.object({
  pageId: z.string(),
  /** Position in the slot, 0-based. */
  index: z.number().int(),
  kind: z.enum(['image', 'pdf']),
  mime: PageMime,
  source: PageSource,
  fileName: z.string().nullable(),
  /** Stored bytes (plaintext size). */
  bytes: z.number().int(),
  pageCount: z.number().int(),
  /** Pixels of an image part; null for a PDF part. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  rotation: Rotation,
  crop: Crop.nullable(),
  stagedAt: z.string(),
});
export type PageView = z.infer<typeof PageView>;

export const SlotView = z.object({
  materialCode: z.string(),
  parts: z.array(PageView),
  /** Pages the assembled PDF will have (sum of parts' pageCount). */
  pageCount: z.number().int(),
  /** Sum of the parts' stored bytes. */
  bytes: z.number().int(),
});
export type SlotView = z.infer<typeof SlotView>;

/** 待上传 / 已上传. */
export const UploadState = z.enum(['pending', 'uploaded']);
export type UploadState = z.infer<typeof UploadState>;

/** One material file of a case: the assembled PDF, content-addressed. */
export const CaseFileView = z.object({
  materialCode: z.string(),
  materialName: z.string().nullable(),
  sha256: z.string(),
  /** Plaintext PDF size in bytes. */
  size: z.number().int(),
  pages: z.number().int(),
  uploadState: UploadState,
  uploadedAt: z.string().nullable(),
  /** `intake`: linked at acceptance; `supplement`: 补齐 / 补正 later. */
  via: z.enum(['intake', 'supplement']),
  linkedAt: z.string(),
});
export type CaseFileView = z.infer<typeof CaseFileView>;

/** A short-lived capability to read one file: the renderer turns it into a URL with `window.yichuang.fileUrl(ticket)`. */
export const FileTicket = z.object({ ticket: z.string(), mime: z.string(), fileName: z.string(), size: z.number().int(), expiresAt: z.string() });
export type FileTicket = z.infer<typeof FileTicket>;

const StaffRoles = ['clerk', 'supervisor'] as const;

export const materialsMethods = {
  'materials.stagePage': defineMethod({
    summary: 'BYTES method: stage one page (JPEG/PNG) or PDF file into a slot, sealed at rest; returns its id and the slot',
    roles: ['clerk'],
    input: z
      .object({
        draftId: DraftId,
        materialCode: MaterialCode,
        mime: PageMime,
        source: PageSource,
        fileName: text(200).optional(),
        /** Insert before this index; default: at the end. */
        position: z.number().int().min(0).max(10_000).optional(),
        /** The crop edge detection proposed for a camera frame, set with the page (one call, not a cropPage after it). Images only. */
        crop: Crop.optional(),
      })
      .strict(),
    output: z.object({ page: PageView, slot: SlotView }),
  }),
  'materials.listDraft': defineMethod({
    summary: 'Every slot of an intake draft that holds pages, with page count and bytes',
    roles: StaffRoles,
    input: z.object({ draftId: DraftId }).strict(),
    output: z.object({ draftId: z.string(), slots: z.array(SlotView) }),
  }),
  'materials.reorderPages': defineMethod({
    summary: "Reorder a slot's parts: `pageIds` is every part of the slot in its new order",
    roles: ['clerk'],
    input: z.object({ draftId: DraftId, materialCode: MaterialCode, pageIds: z.array(PageId).min(1).max(1000) }).strict(),
    output: SlotView,
  }),
  'materials.deletePage': defineMethod({
    summary: 'Remove a staged part from its slot (its sealed file is deleted)',
    roles: ['clerk'],
    input: z.object({ draftId: DraftId, pageId: PageId }).strict(),
    output: SlotView,
  }),
  'materials.rotatePage': defineMethod({
    summary: 'Set the rotation of a staged part (clockwise degrees, absolute; metadata, applied at assembly)',
    roles: ['clerk'],
    input: z.object({ draftId: DraftId, pageId: PageId, rotation: Rotation }).strict(),
    output: PageView,
  }),
  'materials.cropPage': defineMethod({
    summary: 'Set or clear the crop of a staged image page (metadata, applied at assembly as the PDF crop box)',
    roles: ['clerk'],
    input: z.object({ draftId: DraftId, pageId: PageId, crop: Crop.nullable() }).strict(),
    output: PageView,
  }),
  'materials.openPage': defineMethod({
    summary: 'A ticket to read one staged part (thumbnail / preview in the capture UI)',
    roles: ['clerk'],
    input: z.object({ draftId: DraftId, pageId: PageId }).strict(),
    output: FileTicket,
  }),
  'materials.discardDraft': defineMethod({
    summary: 'Drop every staged page of a draft (the clerk abandoned the intake)',
    roles: ['clerk'],
    input: z.object({ draftId: DraftId }).strict(),
    output: z.object({ deleted: z.number().int() }),
  }),
  'materials.caseFiles': defineMethod({
    summary: "A case's material files (PDF per material): pages, size, 待上传/已上传",
    roles: [...StaffRoles, 'maintenance'],
    input: z.object({ caseId: text(80).min(1) }).strict(),
    output: z.object({ caseId: z.string(), files: z.array(CaseFileView) }),
  }),
  'materials.openFile': defineMethod({
    summary: "A ticket to read a case's material PDF (unsealed, streamed to this caller); audited",
    roles: StaffRoles,
    input: z.object({ caseId: text(80).min(1), sha256: Sha256 }).strict(),
    output: FileTicket,
  }),
  'materials.export': defineMethod({
    summary: "CLI: a case's material PDF as base64 (yichuang materials export); audited",
    roles: ['supervisor'],
    input: z.object({ caseId: text(80).min(1), materialCode: MaterialCode }).strict(),
    output: z.object({ fileName: z.string(), sha256: z.string(), size: z.number().int(), pages: z.number().int(), base64: z.string() }),
  }),
};
