import crypto from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { createMaterials, STALE_DRAFT_DAYS } from '../materials/module';
import type { MaterialsService } from '../materials/service';
import { sampleJpeg } from '../materials/testing';
import { itemCode, openTestStack, samplePerson, type TestStack } from './testing';

// A saved draft keeps its staged pages (main/materials/draft-pages.ts): finished in another session
// with a new materials draft id, its pages are linked, not left to the start-up sweep.

let s: TestStack;
afterEach(async () => s?.close());

async function open() {
  s = await openTestStack({ materials: {} });
  const code = itemCode(s, '社会保障卡申领');
  const required = (await s.catalog.materials(code)).filter((m) => m.required);
  expect(required.length).toBeGreaterThanOrEqual(2);
  return { m: s.materials as MaterialsService, code, materials: required.map((r) => ({ code: r.code, state: 'received' as const })) };
}

/** A page whose pixel width tells it apart in the PDF (its media box is the image's size at the page's dpi). */
const stage = (m: MaterialsService, draftId: string, materialCode: string, width: number) =>
  m.stagePage({ draftId, materialCode, mime: 'image/jpeg', source: 'camera', clerkId: 'clerk01' }, sampleJpeg(width, 160, width));

/** The widths of a material PDF's pages, in pixels of the first page when it is `firstPx` wide. */
async function pdfWidths(m: MaterialsService, caseId: string, materialCode: string, firstPx: number): Promise<number[]> {
  const file = await m.exportFile(caseId, materialCode, 'clerk01');
  const widths = (await PDFDocument.load(file.bytes)).getPages().map((p) => p.getMediaBox().width);
  return widths.map((w) => Math.round((w / widths[0]!) * firstPx));
}

const held = () => s.db.selectFrom('case_draft_pages').selectAll().execute();
const stagedUnder = async (draftId: string) => (await s.db.selectFrom('material_page').select('id').where('draft_id', '=', draftId).execute()).length;

describe('a saved draft and its staged pages', () => {
  it('finished with a new draft id (another session): the held pages come first in their slot, every slot is linked, nothing stays staged', async () => {
    const { m, code, materials } = await open();
    const [a, b] = [materials[0]!.code, materials[1]!.code];
    const first = crypto.randomUUID();
    await stage(m, first, a, 100);
    await stage(m, first, a, 200);
    const draft = await s.intake.saveDraft({ itemCode: code, applicant: samplePerson, materials, materialsDraftId: first }, s.actor);
    expect(await held()).toEqual([expect.objectContaining({ case_id: draft.caseId, draft_id: first })]);

    // The window restarted: the intake that finishes the draft has its own draft id and pages.
    const second = crypto.randomUUID();
    await stage(m, second, a, 300);
    await stage(m, second, b, 130);
    const r = await s.intake.accept({ caseId: draft.caseId, itemCode: code, applicant: samplePerson, materials, materialsDraftId: second }, s.actor);
    expect(r.caseId).toBe(draft.caseId);
    expect(await pdfWidths(m, r.caseId, a, 100)).toEqual([100, 200, 300]);
    expect(await pdfWidths(m, r.caseId, b, 130)).toEqual([130]);
    expect(await held()).toEqual([]);
    expect([await stagedUnder(first), await stagedUnder(second)]).toEqual([0, 0]);
  });

  it('finished without a draft id (the intake added no pages): the held pages are linked', async () => {
    const { m, code, materials } = await open();
    const first = crypto.randomUUID();
    await stage(m, first, materials[0]!.code, 100);
    const draft = await s.intake.saveDraft({ itemCode: code, applicant: samplePerson, materials, materialsDraftId: first }, s.actor);
    // Saved again from another session, without pages: the hold stays on the first draft id.
    await s.intake.saveDraft({ caseId: draft.caseId, itemCode: code, applicant: samplePerson, materials }, s.actor);
    expect(await held()).toEqual([expect.objectContaining({ draft_id: first })]);
    const r = await s.intake.accept({ caseId: draft.caseId, itemCode: code, applicant: samplePerson, materials }, s.actor);
    expect((await m.caseFiles(r.caseId)).files.map((f) => [f.materialCode, f.pages])).toEqual([[materials[0]!.code, 1]]);
    expect(await stagedUnder(first)).toBe(0);
  });

  it('the start-up sweep keeps a saved draft’s pages past the stale days; a withdrawn draft’s pages are removed at once', async () => {
    const { m, code, materials } = await open();
    const kept = crypto.randomUUID();
    const abandoned = crypto.randomUUID();
    const withdrawn = crypto.randomUUID();
    await stage(m, kept, materials[0]!.code, 100);
    await stage(m, abandoned, materials[0]!.code, 100);
    await stage(m, withdrawn, materials[0]!.code, 100);
    await s.intake.saveDraft({ itemCode: code, applicant: samplePerson, materials, materialsDraftId: kept }, s.actor);
    const gone = await s.intake.saveDraft({ itemCode: code, applicant: samplePerson, materials, materialsDraftId: withdrawn }, s.actor);
    await s.intake.withdraw(gone.caseId, '申请人离开', s.actor);
    expect(await stagedUnder(withdrawn)).toBe(0);

    const later = new Date(s.clock.now.getTime() + (STALE_DRAFT_DAYS + 1) * 86_400_000);
    await createMaterials({ database: s.database, pii: s.pii, dataDir: s.dir, retentionDays: () => 30, now: () => later });
    expect([await stagedUnder(kept), await stagedUnder(abandoned)]).toEqual([1, 0]);
    expect(await held()).toEqual([expect.objectContaining({ draft_id: kept })]);
  });
});
