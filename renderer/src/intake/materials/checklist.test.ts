import { describe, expect, it } from 'vitest';
import type { SlotView } from '../../../../common/contract/materials';
import { casePlans } from '../buildRequest';
import { draftStore, materialsDraftOf, type BundleResult, type IntakeDraft } from '../draftStore';
import { checklistOf, paperRows, slotOf } from './checklist';

// A bundle's merged material has one file slot, keyed by its merged key: the checklist row, the
// camera (F7) and the request all agree on it (main links it under each case's own code).

const spec = { name: '', required: true, deferrable: false, originals: 1, copies: 0, issuer: null, licenceTypes: [] };
const result = {
  items: [
    { code: 'A', name: '失业登记' },
    { code: 'B', name: '失业保险金申领' },
  ],
  materials: [
    { ...spec, key: 'ID_CARD', name: '居民身份证', usedBy: [{ itemCode: 'A', materialCode: 'M01' }, { itemCode: 'B', materialCode: 'M01' }] },
    // The same code in B is another material than in A: only the key tells them apart.
    { ...spec, key: 'TERMINATION', name: '解除劳动关系证明', usedBy: [{ itemCode: 'A', materialCode: 'M02' }, { itemCode: 'B', materialCode: 'M03' }] },
    { ...spec, key: 'BANK', name: '银行卡', usedBy: [{ itemCode: 'B', materialCode: 'M02' }] },
  ],
} as unknown as BundleResult;

const slot = (code: string, pages: number): SlotView => ({ materialCode: code, parts: Array.from({ length: pages }, () => ({}) as SlotView['parts'][number]), pageCount: pages, bytes: pages * 1000 });

function bundleDraft(patch: Partial<IntakeDraft> = {}): IntakeDraft {
  return { ...draftStore.get(), item: null, bundle: { id: 'unemployment', answers: {}, result }, ...patch };
}

describe('a bundle’s merged materials take files', () => {
  it('each merged material is a row with its own slot, keyed by the merged key', () => {
    const d = bundleDraft({ slots: { TERMINATION: slot('TERMINATION', 2) } });
    expect(checklistOf(d).map((r) => r.key)).toEqual(['ID_CARD', 'TERMINATION', 'BANK']);
    expect(slotOf(d, 'TERMINATION')).toEqual({ draftId: d.materialsDraftId, materialCode: 'TERMINATION', slot: d.slots.TERMINATION });
    expect(slotOf(d, 'ID_CARD').slot).toBeUndefined();
    // Pages in a merged slot send the draft id with the decision.
    expect(materialsDraftOf(d)).toEqual({ materialsDraftId: d.materialsDraftId });
  });

  it('every case names the merged slot for its own material code', () => {
    const d = bundleDraft({ materials: { BANK: { state: 'deferred' } } });
    expect(casePlans(d).map((p) => [p.itemCode, p.materials])).toEqual([
      ['A', [{ code: 'M01', state: 'received', slot: 'ID_CARD' }, { code: 'M02', state: 'received', slot: 'TERMINATION' }]],
      ['B', [{ code: 'M01', state: 'received', slot: 'ID_CARD' }, { code: 'M03', state: 'received', slot: 'TERMINATION' }, { code: 'M02', state: 'deferred', slot: 'BANK' }]],
    ]);
  });

  it('F7 opens the camera on a merged material that is received here, not on one marked 容缺', () => {
    const d = bundleDraft({ materials: { ID_CARD: { state: 'deferred' } } });
    expect(paperRows(d).map((r) => r.key)).toEqual(['TERMINATION', 'BANK']);
    expect(paperRows({ ...d, bundle: null })).toEqual([]);
  });
});
