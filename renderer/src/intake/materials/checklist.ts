import type { ChecklistMaterial, IntakeDraft } from '../draftStore';

/** The rows of the checklist: the item's materials, or the bundle's merged ones keyed by their key. */
export function checklistOf(draft: IntakeDraft): { key: string; material: ChecklistMaterial }[] {
  return draft.item
    ? draft.item.materials.map((m) => ({ key: m.code, material: m }))
    : (draft.bundle?.result?.materials ?? []).map((m) => ({ key: m.key, material: { ...m, code: m.key } }));
}

/**
 * The staged slot of a checklist row, keyed like the row: an item's material code, or a bundle's
 * merged key (one slot for every item that needs the material; buildRequest sends it as each
 * case's `MaterialEntry.slot`, and main links it under each case's own code).
 */
export function slotOf(draft: IntakeDraft, key: string) {
  return { draftId: draft.materialsDraftId, materialCode: key, slot: draft.slots[key] };
}

/** The rows whose paper is taken here (收取), where F7 may open the camera. */
export function paperRows(draft: IntakeDraft): { key: string; material: ChecklistMaterial }[] {
  return checklistOf(draft).filter((r) => (draft.materials[r.key]?.state ?? 'received') === 'received');
}
