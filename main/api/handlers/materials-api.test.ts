import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../common/contract';
import { PAGE_MAX_BYTES } from '../../../common/contract/materials';
import { createApp, type App } from '../../app/app';
import { samplePerson } from '../../intake/testing';
import { sampleJpeg, samplePdf, samplePng } from '../../materials/testing';
import { clearImagesIn, newDraftId, ok, sampleItem } from '../../app/testing';

let dir: string;
let app: App;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-materials-api-'));
  app = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' });
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Staged = MethodOutput<'materials.stagePage'>;

describe('materials through the router', () => {
  it('stages pages by bytes, links the slot PDF at acceptance, lists, opens and exports it; nothing readable on disk', async () => {
    const { itemCode, codes, materials } = await sampleItem(app);
    const draftId = newDraftId();
    const code = codes[0]!;
    const a = ok<Staged>(await app.invoke('materials.stagePage', { draftId, materialCode: code, mime: 'image/jpeg', source: 'file', fileName: '符海燕身份证.jpg' }, sampleJpeg(400, 560, 1)));
    ok<Staged>(await app.invoke('materials.stagePage', { draftId, materialCode: code, mime: 'image/png', source: 'camera' }, samplePng()));
    const c = ok<Staged>(await app.invoke('materials.stagePage', { draftId, materialCode: code, mime: 'application/pdf', source: 'file', position: 0 }, await samplePdf(2)));
    expect(c.slot.parts.map((p) => p.kind)).toEqual(['pdf', 'image', 'image']);
    expect(c.slot.pageCount).toBe(4);
    expect(a.page.fileName).toBe('符海燕身份证.jpg');
    expect(a.page).toMatchObject({ width: 400, height: 560, rotation: 0, crop: null });

    ok(await app.invoke('materials.rotatePage', { draftId, pageId: a.page.pageId, rotation: 90 }));
    ok(await app.invoke('materials.cropPage', { draftId, pageId: a.page.pageId, crop: { x: 0.1, y: 0.1, w: 0.8, h: 0.8 } }));
    const listed = ok<MethodOutput<'materials.listDraft'>>(await app.invoke('materials.listDraft', { draftId }));
    expect(listed.slots).toHaveLength(1);
    expect(listed.slots[0]!.bytes).toBe(listed.slots[0]!.parts.reduce((n, p) => n + p.bytes, 0));

    const accepted = ok<{ caseId: string; caseNumber: string }>(await app.invoke('intake.accept', { itemCode, applicant: samplePerson, materials, materialsDraftId: draftId }));
    const files = ok<MethodOutput<'materials.caseFiles'>>(await app.invoke('materials.caseFiles', { caseId: accepted.caseId }));
    expect(files.files).toHaveLength(1);
    expect(files.files[0]).toMatchObject({ materialCode: code, pages: 4, uploadState: 'pending', via: 'intake' });
    // The staged pages went into the case: the draft is empty.
    expect(ok<MethodOutput<'materials.listDraft'>>(await app.invoke('materials.listDraft', { draftId })).slots).toEqual([]);

    // The entry for the central names the file.
    const outbox = await app.services.database.db.selectFrom('outbox').select(['kind', 'payload']).where('aggregate_id', '=', accepted.caseId).execute();
    const payload = JSON.parse(outbox[0]!.payload) as { case: { materials: Array<{ code: string; files?: unknown[] }> } };
    expect(payload.case.materials.find((m) => m.code === code)!.files).toEqual([expect.objectContaining({ sha256: files.files[0]!.sha256, pages: 4, size: files.files[0]!.size })]);

    const ticket = ok<MethodOutput<'materials.openFile'>>(await app.invoke('materials.openFile', { caseId: accepted.caseId, sha256: files.files[0]!.sha256 }));
    const served = await app.services.materials.readTicket(ticket.ticket);
    expect(served!.mime).toBe('application/pdf');
    const pdf = await PDFDocument.load(served!.bytes);
    expect(pdf.getPageCount()).toBe(4);
    expect(pdf.getPage(2).getRotation().angle).toBe(90);
    expect(await app.services.materials.readTicket('not-a-ticket')).toBeNull();
    const audit = await app.services.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'materials.%').execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['materials.stage', 'materials.rotate', 'materials.crop', 'materials.view']));
    expect(JSON.stringify(audit)).not.toContain('符海燕');

    expect(clearImagesIn(dir)).toEqual([]);
  });

  it('refuses bytes that are missing, too large, of the wrong type, or sent to a JSON method', async () => {
    const draftId = newDraftId();
    const input = { draftId, materialCode: 'm1', mime: 'image/jpeg' as const, source: 'file' as const };
    expect(await app.invoke('materials.stagePage', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await app.invoke('materials.stagePage', input, new Uint8Array(PAGE_MAX_BYTES + 1))).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('25 MB') } });
    expect(await app.invoke('materials.stagePage', input, samplePng())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('只能添加') } });
    expect(await app.invoke('materials.stagePage', { ...input, mime: 'application/pdf' }, Buffer.from('%PDF-1.7 broken'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('PDF') } });
    expect(await app.invoke('materials.listDraft', { draftId }, new Uint8Array(3))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok<MethodOutput<'materials.listDraft'>>(await app.invoke('materials.listDraft', { draftId })).slots).toEqual([]);
    // Refused before anything was written: no staged file, not even a temporary one.
    expect(fs.existsSync(path.join(dir, 'materials', 'staged'))).toBe(false);
  });

  it('reorders and deletes parts; a stale order is refused', async () => {
    const draftId = newDraftId();
    const stage = async (seed: number) =>
      ok<Staged>(await app.invoke('materials.stagePage', { draftId, materialCode: 'm1', mime: 'image/jpeg', source: 'camera' }, sampleJpeg(64, 64, seed))).page.pageId;
    const [p1, p2, p3] = [await stage(1), await stage(2), await stage(3)];
    const reordered = ok<MethodOutput<'materials.reorderPages'>>(await app.invoke('materials.reorderPages', { draftId, materialCode: 'm1', pageIds: [p3!, p1!, p2!] }));
    expect(reordered.parts.map((p) => p.pageId)).toEqual([p3, p1, p2]);
    expect(await app.invoke('materials.reorderPages', { draftId, materialCode: 'm1', pageIds: [p1!, p2!] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = ok<MethodOutput<'materials.deletePage'>>(await app.invoke('materials.deletePage', { draftId, pageId: p1! }));
    expect(after.parts.map((p) => [p.pageId, p.index])).toEqual([[p3, 0], [p2, 1]]);
    expect(await app.invoke('materials.deletePage', { draftId, pageId: p1! })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fs.readdirSync(path.join(dir, 'materials', 'staged')).sort()).toEqual([p2, p3].sort());
  });

  it('a camera frame is staged with its crop in one call; a PDF with a crop is refused and nothing is staged', async () => {
    const draftId = newDraftId();
    const crop = { x: 0.1, y: 0.05, w: 0.8, h: 0.9 };
    const staged = ok<Staged>(await app.invoke('materials.stagePage', { draftId, materialCode: 'm1', mime: 'image/jpeg', source: 'camera', crop }, sampleJpeg(64, 64, 1)));
    expect(staged.page.crop).toEqual(crop);
    expect(staged.slot.parts[0]!.crop).toEqual(crop);
    const audit = await app.services.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'materials.stage').execute();
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ crop });
    expect(await app.invoke('materials.stagePage', { draftId, materialCode: 'm1', mime: 'application/pdf', source: 'file', crop }, await samplePdf(1))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('PDF 文件不能裁剪') },
    });
    expect(ok<MethodOutput<'materials.listDraft'>>(await app.invoke('materials.listDraft', { draftId })).slots[0]!.parts).toHaveLength(1);
  });
});
