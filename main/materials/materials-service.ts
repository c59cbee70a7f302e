import type { Kysely } from 'kysely';
import { AppError } from '../../common/contract/errors';
import type { Crop, Rotation } from '../../common/contract/materials';
import { appendAudit } from '../audit/chain';
import type { DB } from '../db/schema';
import { assemblePdf } from './assemble';
import { BlobFiles } from './blob-files';
import type { CaseFiles, ExportView, FileTicketView, MaterialsService, PageView, PreparedFile, SlotRef, SlotView, StageRequest, TicketFile } from './service';
import { Staging } from './staging';
import { Tickets } from './tickets';

const FILE_GONE = '这份材料文件已不在本机（已上传到中心平台并按保存期限删除）。请到中心平台查看。';

/** MaterialsService over the staging area, the blob files and the tickets (built in module.ts). */
export class Materials implements MaterialsService {
  private readonly tickets: Tickets;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly staging: Staging,
    readonly blobs: BlobFiles,
    now: () => Date,
  ) {
    this.tickets = new Tickets(now);
  }

  stagePage(req: StageRequest, bytes: Uint8Array) {
    return this.staging.stage(req, bytes);
  }
  listDraft(draftId: string): Promise<SlotView[]> {
    return this.staging.list(draftId);
  }
  reorderPages(draftId: string, materialCode: string, pageIds: string[]): Promise<SlotView> {
    return this.staging.reorder(draftId, materialCode, pageIds);
  }
  deletePage(draftId: string, pageId: string): Promise<SlotView> {
    return this.staging.remove(draftId, pageId);
  }
  rotatePage(draftId: string, pageId: string, rotation: Rotation): Promise<PageView> {
    return this.staging.setRotation(draftId, pageId, rotation);
  }
  cropPage(draftId: string, pageId: string, crop: Crop | null): Promise<PageView> {
    return this.staging.setCrop(draftId, pageId, crop);
  }
  discardDraft(draftId: string): Promise<number> {
    return this.staging.discard(draftId);
  }
  async finishDraft(draftId: string): Promise<void> {
    await this.staging.discard(draftId);
  }

  async prepareDraft(draftId: string, slots: readonly SlotRef[]): Promise<PreparedFile[]> {
    const out: PreparedFile[] = [];
    for (const { code, slot } of slots) {
      const parts = await this.staging.openSlot(draftId, slot);
      if (parts.length === 0) continue;
      const pdf = await assemblePdf(
        parts.map(({ row, bytes }) => ({ kind: row.kind, mime: row.mime, bytes, rotation: row.rotation as Rotation, crop: row.crop ? (JSON.parse(row.crop) as Crop) : null })),
        // Titled by the slot: a merged material linked to several cases of a bundle is one blob.
        slot,
      );
      const { sha256, sealedSize } = this.blobs.put(pdf.bytes);
      out.push({ materialCode: code, sha256, size: pdf.bytes.byteLength, sealedSize, pages: pdf.pages });
    }
    return out;
  }

  async caseFiles(ref: string): Promise<CaseFiles> {
    const caseId = await this.caseIdOf(ref);
    const rows = await this.db
      .selectFrom('case_material_file as f')
      .innerJoin('material_blob as b', 'b.sha256', 'f.sha256')
      .leftJoin('case_material as m', (j) => j.onRef('m.case_id', '=', 'f.case_id').onRef('m.code', '=', 'f.material_code'))
      .select(['f.material_code', 'm.name', 'm.sort', 'f.sha256', 'f.size', 'f.pages', 'f.via', 'f.linked_at', 'b.upload_state', 'b.uploaded_at'])
      .where('f.case_id', '=', caseId)
      .orderBy('m.sort')
      .orderBy('f.linked_at')
      .execute();
    return {
      caseId,
      files: rows.map((r) => ({
        materialCode: r.material_code,
        materialName: r.name,
        sha256: r.sha256,
        size: r.size,
        pages: r.pages,
        uploadState: r.upload_state,
        uploadedAt: r.uploaded_at,
        via: r.via,
        linkedAt: r.linked_at,
      })),
    };
  }

  async pageTicket(draftId: string, pageId: string): Promise<FileTicketView> {
    const part = await this.staging.openPart(draftId, pageId);
    const file: TicketFile = { mime: part.row.mime, fileName: part.fileName ?? `page-${part.row.position + 1}`, bytes: part.bytes };
    return { ...this.tickets.issue(async () => file), mime: file.mime, fileName: file.fileName, size: file.bytes.length };
  }

  async fileTicket(caseId: string, sha256: string, staffId: string): Promise<FileTicketView> {
    const link = await this.linkOf(caseId, { sha256 });
    const fileName = await this.fileNameOf(caseId, link.material_code);
    await this.readOrGone(sha256); // fail now, not in the viewer
    await appendAudit(this.db, { actor: staffId, action: 'materials.view', subject: caseId, detail: { sha256, material: link.material_code } });
    const issued = this.tickets.issue(async () => ({ mime: 'application/pdf', fileName, bytes: await this.readOrGone(sha256) }));
    return { ...issued, mime: 'application/pdf', fileName, size: link.size };
  }

  async exportFile(ref: string, materialCode: string, staffId: string): Promise<ExportView & { bytes: Buffer }> {
    const caseId = await this.caseIdOf(ref);
    const link = await this.linkOf(caseId, { materialCode });
    const bytes = await this.readOrGone(link.sha256);
    await appendAudit(this.db, { actor: staffId, action: 'materials.export', subject: caseId, detail: { sha256: link.sha256, material: materialCode } });
    return { fileName: await this.fileNameOf(caseId, materialCode), sha256: link.sha256, size: bytes.length, pages: link.pages, base64: bytes.toString('base64'), bytes };
  }

  readTicket(ticket: string): Promise<TicketFile | null> {
    return this.tickets.redeem(ticket);
  }

  /** A case by id or by case number (the CLI takes either). */
  private async caseIdOf(ref: string): Promise<string> {
    const row = await this.db
      .selectFrom('intake_case')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', ref), eb('case_number', '=', ref)]))
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', '找不到该办件。');
    return row.id;
  }

  /** The newest file of a case by hash or by material. */
  private async linkOf(caseId: string, by: { sha256?: string; materialCode?: string }) {
    let q = this.db.selectFrom('case_material_file').select(['sha256', 'material_code', 'size', 'pages']).where('case_id', '=', caseId);
    if (by.sha256) q = q.where('sha256', '=', by.sha256);
    if (by.materialCode) q = q.where('material_code', '=', by.materialCode);
    const link = await q.orderBy('linked_at', 'desc').executeTakeFirst();
    if (!link) throw new AppError('NOT_FOUND', '该办件没有这份材料文件。');
    return link;
  }

  private async fileNameOf(caseId: string, code: string): Promise<string> {
    const row = await this.db
      .selectFrom('intake_case as c')
      .leftJoin('case_material as m', (j) => j.onRef('m.case_id', '=', 'c.id').on('m.code', '=', code))
      .select(['c.case_number', 'm.name'])
      .where('c.id', '=', caseId)
      .executeTakeFirst();
    return `${row?.case_number ?? caseId}-${(row?.name ?? code).replace(/[\\/:*?"<>|]/g, '_')}.pdf`;
  }

  private async readOrGone(sha256: string): Promise<Buffer> {
    try {
      return await this.blobs.readBlob(sha256);
    } catch (err) {
      if ((err as Error).name === 'BlobMissingError') throw new AppError('NOT_FOUND', FILE_GONE);
      throw err;
    }
  }
}
