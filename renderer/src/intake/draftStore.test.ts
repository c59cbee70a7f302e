import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../../common/contract/catalog';
import type { SlotView } from '../../../common/contract/materials';
import { draftStore, hasUnsavedWork, markSaved, patchDraft, resetDraft } from './draftStore';

// hasUnsavedWork: what 继续办理 asks about before it replaces the intake on screen.
describe('unsaved intake work', () => {
  it('an empty intake has none; typed applicant data, a chosen item or a staged page is unsaved', () => {
    resetDraft();
    expect(hasUnsavedWork(draftStore.get())).toBe(false);
    patchDraft((d) => ({ person: { ...d.person, name: '测试人' } }));
    expect(hasUnsavedWork(draftStore.get())).toBe(true);
    resetDraft();
    patchDraft({ item: { code: 'I1' } as ItemDetail });
    expect(hasUnsavedWork(draftStore.get())).toBe(true);
    resetDraft();
    patchDraft({ slots: { M1: { materialCode: 'M1', parts: [{}] } as unknown as SlotView } });
    expect(hasUnsavedWork(draftStore.get())).toBe(true);
  });

  it('is none right after a save, again after the next edit, and none once decided', () => {
    resetDraft();
    patchDraft({ item: { code: 'I1' } as ItemDetail, draftCaseId: 'c1' });
    markSaved();
    expect(hasUnsavedWork(draftStore.get())).toBe(false);
    patchDraft((d) => ({ person: { ...d.person, phone: '13900000000' } }));
    expect(hasUnsavedWork(draftStore.get())).toBe(true);
    patchDraft({ outcome: { kind: 'rejected', cases: [], deferred: [] } });
    expect(hasUnsavedWork(draftStore.get())).toBe(false);
  });
});
