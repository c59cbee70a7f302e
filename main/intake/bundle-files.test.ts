import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { MaterialsService } from '../materials/service';
import { sampleJpeg } from '../materials/testing';
import { openTestStack, samplePerson, type TestStack } from './testing';

// A bundle's (一件事) merged material is one slot, keyed by the merged key: each case links its PDF
// under the case's own material code (MaterialEntry.slot), as the intake screen sends it.

let s: TestStack;
afterEach(async () => s?.close());

const ANSWERS = { insured_year: 'yes', hardship: 'yes', extras: [] };

describe('一件事: files of merged materials', () => {
  it('one slot per merged material, linked to every case that needs it under that case’s code; a code two items use for different materials gets the right slot', async () => {
    s = await openTestStack({ materials: {} });
    const m = s.materials as MaterialsService;
    const b = await s.catalog.bundle('unemployment', ANSWERS);
    const byKey = (key: string) => b.materials.find((x) => x.key === key)!;
    const [idCard, termination] = [byKey('ID_CARD'), byKey('TERMINATION')];
    const application = b.materials.find((x) => x.key.startsWith('APPLICATION:') && x.usedBy.some((u) => u.materialCode === termination.usedBy[0]!.materialCode))!;
    // The hazard: the same code (M02) is the termination proof in two items and an application form in another.
    expect(application.usedBy[0]!.itemCode).not.toBe(termination.usedBy[0]!.itemCode);
    expect(idCard.usedBy.length).toBe(b.items.length);

    const draftId = crypto.randomUUID();
    const stage = (slot: string, seed: number) => m.stagePage({ draftId, materialCode: slot, mime: 'image/jpeg', source: 'camera', clerkId: 'clerk01' }, sampleJpeg(120, 160, seed));
    await stage(idCard.key, 1);
    await stage(idCard.key, 2);
    await stage(termination.key, 3);
    await stage(application.key, 4);

    // What renderer/src/intake/buildRequest.ts casePlans sends: each merged material under each item's code, its slot the key.
    const plans = b.items.map((item) => ({
      itemCode: item.code,
      materials: b.materials.flatMap((x) => x.usedBy.filter((u) => u.itemCode === item.code).map((u) => ({ code: u.materialCode, state: 'received' as const, slot: x.key }))),
    }));
    const r = await s.intake.acceptBundle({ key: uuidv7(), bundleId: 'unemployment', applicant: samplePerson, plans, materialsDraftId: draftId }, s.actor);

    const filesOf = async (itemCode: string) => {
      const c = r.cases.find((x) => x.itemCode === itemCode)!;
      return Object.fromEntries((await m.caseFiles(c.caseId)).files.map((f) => [f.materialCode, { sha256: f.sha256, pages: f.pages }]));
    };
    const shaOf = async (itemCode: string, code: string) => (await filesOf(itemCode))[code];
    // The ID card: two pages, one PDF (one blob) linked to all four cases.
    const idFiles = await Promise.all(idCard.usedBy.map((u) => shaOf(u.itemCode, u.materialCode)));
    expect(idFiles.every((f) => f?.pages === 2 && f.sha256 === idFiles[0]!.sha256)).toBe(true);
    // The termination proof in its two items; the application form under the same code in its own item.
    const term = await Promise.all(termination.usedBy.map((u) => shaOf(u.itemCode, u.materialCode)));
    expect(term.map((f) => f?.pages)).toEqual([1, 1]);
    expect(term[1]!.sha256).toBe(term[0]!.sha256);
    const app = await shaOf(application.usedBy[0]!.itemCode, application.usedBy[0]!.materialCode);
    expect(app).toMatchObject({ pages: 1 });
    expect(app!.sha256).not.toBe(term[0]!.sha256);
    // Materials with no pages have no file; three PDFs stored in all, nothing left staged.
    expect(Object.keys(await filesOf(byKey('INCOME_PROOF').usedBy[0]!.itemCode)).sort()).toEqual(['M01']);
    expect((await s.db.selectFrom('material_blob').select('sha256').execute()).length).toBe(3);
    expect(await m.listDraft(draftId)).toEqual([]);
  });
});
