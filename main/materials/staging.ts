import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../common/contract/errors';
import type { Crop, Rotation } from '../../common/contract/materials';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { MaterialPageTable } from '../db/migrations/011-materials.tables';
import type { DB } from '../db/schema';
import { probePage } from './page-probe';
import { writeAtomic, type StoreFs } from './sealed-files';
import type { PageView, SlotView, StageRequest } from './service';

type PageRow = Selectable<MaterialPageTable>;
/** Parts one slot may hold: far above any real material, low enough to bound an assembly. */
export const MAX_PARTS_PER_SLOT = 200;

const NOT_FOUND = '找不到这一页：它可能已被删除。请刷新后重试。';
const PDF_CROP = 'PDF 文件不能裁剪；请裁剪拍摄或图片页。';

/**
 * Staged pages: one sealed file per part under `staged/`, one `material_page` row each. The file is
 * written (atomically) before its row, and a row deleted before its file, so a kill -9 leaves at
 * worst a file without a row, which `sweepOrphans` removes at the next start.
 */
export class Staging {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly pii: PiiCipher,
    private readonly dir: string,
    private readonly fsx: StoreFs,
    private readonly now: () => Date,
  ) {}

  async stage(req: StageRequest, bytes: Uint8Array): Promise<{ page: PageView; slot: SlotView }> {
    const probed = await probePage(bytes, req.mime);
    if (probed.kind === 'pdf' && req.crop) throw new AppError('INVALID_INPUT', PDF_CROP);
    const id = crypto.randomUUID();
    writeAtomic(this.fsx, this.fileOf(id), this.pii.sealBytes(bytes));
    try {
      await this.db.transaction().execute(async (trx) => {
        const slot = await trx.selectFrom('material_page').select(['id', 'position']).where('draft_id', '=', req.draftId).where('material_code', '=', req.materialCode).orderBy('position').execute();
        if (slot.length >= MAX_PARTS_PER_SLOT) throw new AppError('TOO_LARGE', `一份材料最多 ${MAX_PARTS_PER_SLOT} 个文件，请先删除不需要的页。`);
        const at = Math.min(req.position ?? slot.length, slot.length);
        for (const [i, r] of slot.entries()) if (i >= at) await trx.updateTable('material_page').set({ position: i + 1 }).where('id', '=', r.id).execute();
        await trx
          .insertInto('material_page')
          .values({
            id,
            draft_id: req.draftId,
            material_code: req.materialCode,
            position: at,
            kind: probed.kind,
            mime: probed.mime,
            source: req.source,
            file_name_sealed: req.fileName ? this.pii.seal(req.fileName) : null,
            bytes: bytes.byteLength,
            page_count: probed.pageCount,
            width: probed.width,
            height: probed.height,
            crop: req.crop ? JSON.stringify(req.crop) : null,
            staged_at: this.now().toISOString(),
            clerk_id: req.clerkId,
          })
          .execute();
      });
    } catch (err) {
      fs.rmSync(this.fileOf(id), { force: true });
      throw err;
    }
    const slot = await this.slot(req.draftId, req.materialCode);
    return { page: slot.parts.find((p) => p.pageId === id)!, slot };
  }

  async list(draftId: string): Promise<SlotView[]> {
    const rows = await this.db.selectFrom('material_page').selectAll().where('draft_id', '=', draftId).orderBy('material_code').orderBy('position').execute();
    const codes = [...new Set(rows.map((r) => r.material_code))];
    return codes.map((code) => this.toSlot(code, rows.filter((r) => r.material_code === code)));
  }

  async slot(draftId: string, materialCode: string): Promise<SlotView> {
    const rows = await this.rowsOf(this.db, draftId, materialCode);
    return this.toSlot(materialCode, rows);
  }

  async reorder(draftId: string, materialCode: string, pageIds: string[]): Promise<SlotView> {
    await this.db.transaction().execute(async (trx) => {
      const rows = await this.rowsOf(trx, draftId, materialCode);
      const known = new Set(rows.map((r) => r.id));
      if (pageIds.length !== rows.length || new Set(pageIds).size !== pageIds.length || !pageIds.every((id) => known.has(id)))
        throw new AppError('CONFLICT', '页面顺序已在别处改变（有页被添加或删除）。请刷新后重新排序。');
      for (const [i, id] of pageIds.entries()) await trx.updateTable('material_page').set({ position: i }).where('id', '=', id).execute();
    });
    return this.slot(draftId, materialCode);
  }

  async remove(draftId: string, pageId: string): Promise<SlotView> {
    const row = await this.row(draftId, pageId);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('material_page').where('id', '=', pageId).execute();
      const rest = await this.rowsOf(trx, draftId, row.material_code);
      for (const [i, r] of rest.entries()) if (r.position !== i) await trx.updateTable('material_page').set({ position: i }).where('id', '=', r.id).execute();
    });
    fs.rmSync(this.fileOf(pageId), { force: true });
    return this.slot(draftId, row.material_code);
  }

  async setRotation(draftId: string, pageId: string, rotation: Rotation): Promise<PageView> {
    await this.row(draftId, pageId);
    await this.db.updateTable('material_page').set({ rotation }).where('id', '=', pageId).execute();
    return this.view(await this.row(draftId, pageId));
  }

  async setCrop(draftId: string, pageId: string, crop: Crop | null): Promise<PageView> {
    const row = await this.row(draftId, pageId);
    if (row.kind === 'pdf' && crop) throw new AppError('INVALID_INPUT', PDF_CROP);
    await this.db.updateTable('material_page').set({ crop: crop ? JSON.stringify(crop) : null }).where('id', '=', pageId).execute();
    return this.view(await this.row(draftId, pageId));
  }

  /** Drops every part of a draft: rows first, then files. */
  async discard(draftId: string): Promise<number> {
    const rows = await this.db.selectFrom('material_page').select('id').where('draft_id', '=', draftId).execute();
    await this.db.deleteFrom('material_page').where('draft_id', '=', draftId).execute();
    for (const r of rows) fs.rmSync(this.fileOf(r.id), { force: true });
    return rows.length;
  }

  /** The parts of a slot, opened, in order (for assembly and preview). */
  async openSlot(draftId: string, materialCode: string): Promise<Array<{ row: PageRow; bytes: Buffer }>> {
    const rows = await this.rowsOf(this.db, draftId, materialCode);
    return rows.map((row) => ({ row, bytes: this.openFile(row.id) }));
  }

  async openPart(draftId: string, pageId: string): Promise<{ row: PageRow; bytes: Buffer; fileName: string | null }> {
    const row = await this.row(draftId, pageId);
    return { row, bytes: this.openFile(pageId), fileName: row.file_name_sealed ? this.pii.open(row.file_name_sealed) : null };
  }

  /**
   * At start: staged files without a row (a stage killed between file and row) and drafts left
   * longer than `staleDays` (an intake abandoned without 撤回). The pages a saved case draft holds
   * stay while it is a draft (case_draft_pages).
   */
  async sweep(staleDays: number): Promise<{ orphans: number; stale: number }> {
    const cutoff = new Date(this.now().getTime() - staleDays * 86_400_000).toISOString();
    const stale = await this.db
      .selectFrom('material_page')
      .select('draft_id')
      .distinct()
      .where('staged_at', '<', cutoff)
      .where('draft_id', 'not in', (eb) => eb.selectFrom('case_draft_pages').select('draft_id'))
      .execute();
    let staleParts = 0;
    for (const { draft_id } of stale) staleParts += await this.discard(draft_id);
    let orphans = 0;
    if (fs.existsSync(this.dir)) {
      const ids = new Set((await this.db.selectFrom('material_page').select('id').execute()).map((r) => r.id));
      for (const name of fs.readdirSync(this.dir)) {
        if (name.startsWith('.tmp-') || ids.has(name)) continue;
        fs.rmSync(path.join(this.dir, name), { force: true });
        orphans++;
      }
    }
    return { orphans, stale: staleParts };
  }

  private openFile(id: string): Buffer {
    let sealed: Buffer;
    try {
      sealed = fs.readFileSync(this.fileOf(id));
    } catch {
      throw new AppError('NOT_FOUND', '这一页的文件不在本机（可能已被清理）。请删除此页后重新添加。');
    }
    return this.pii.openBytes(sealed);
  }

  private fileOf(id: string): string {
    return path.join(this.dir, id);
  }

  private async row(draftId: string, pageId: string): Promise<PageRow> {
    const row = await this.db.selectFrom('material_page').selectAll().where('id', '=', pageId).where('draft_id', '=', draftId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
    return row;
  }

  private rowsOf(db: Kysely<DB>, draftId: string, materialCode: string): Promise<PageRow[]> {
    return db.selectFrom('material_page').selectAll().where('draft_id', '=', draftId).where('material_code', '=', materialCode).orderBy('position').orderBy('staged_at').execute();
  }

  private toSlot(materialCode: string, rows: PageRow[]): SlotView {
    const parts = rows.map((r, i) => ({ ...this.view(r), index: i }));
    return { materialCode, parts, pageCount: parts.reduce((n, p) => n + p.pageCount, 0), bytes: parts.reduce((n, p) => n + p.bytes, 0) };
  }

  private view(r: PageRow): PageView {
    return {
      pageId: r.id,
      index: r.position,
      kind: r.kind,
      mime: r.mime,
      source: r.source,
      fileName: r.file_name_sealed ? this.pii.open(r.file_name_sealed) : null,
      bytes: r.bytes,
      pageCount: r.page_count,
      width: r.width,
      height: r.height,
      rotation: r.rotation as Rotation,
      crop: r.crop ? (JSON.parse(r.crop) as Crop) : null,
      stagedAt: r.staged_at,
    };
  }
}
