import type { PageView, Rotation, SlotView } from '../../../../common/contract/materials';
import { call, fileUrl } from '../../bridge';
import { draftStore, patchDraft } from '../../intake/draftStore';
import { stageCompressed } from '../../intake/materials/pages';
import type { Crop } from '../pages/edges';
import { moved } from '../pages/geometry';
import type { ProcessedPage } from '../pages/processStill';

/**
 * A slot's pages as the camera window edits them. The slot itself is main's (materials.*: staged,
 * sealed), mirrored in the draft (`draft.slots`) like the file button does; this module adds what
 * only the window knows: a local URL for pages it just encoded, and the crop edge detection found.
 */
const localUrls = new Map<string, string>();
const autoCrops = new Map<string, Crop>();

/** The crop edge detection proposed for a page captured here (C toggles between it and none). */
export const autoCropOf = (pageId: string): Crop | null => autoCrops.get(pageId) ?? null;

/** Where a thumbnail reads the page: the bytes just encoded, else a ticket to main's sealed copy. */
export async function pageUrl(draftId: string, pageId: string): Promise<string> {
  const local = localUrls.get(pageId);
  if (local) return local;
  const t = await call('materials.openPage', { draftId, pageId });
  return fileUrl(t.ticket);
}

function slotOf(code: string): { draftId: string; slot: SlotView | undefined } {
  const d = draftStore.get();
  return { draftId: d.materialsDraftId, slot: d.slots[code] };
}
const setSlot = (code: string, slot: SlotView) => patchDraft((d) => ({ slots: { ...d.slots, [code]: slot } }));
const patchPart = (code: string, page: PageView) => {
  const { slot } = slotOf(code);
  if (slot) setSlot(code, { ...slot, parts: slot.parts.map((p) => (p.pageId === page.pageId ? page : p)) });
};

export const slotPages = {
  list: (code: string): PageView[] => slotOf(code).slot?.parts ?? [],
  /** Stages the page as encoded (already at the target: not decoded again), its automatic crop set in the same call. */
  async add(code: string, page: ProcessedPage): Promise<PageView> {
    const { draftId } = slotOf(code);
    const jpeg = { bytes: new Uint8Array(await page.jpeg.arrayBuffer()), mime: 'image/jpeg' as const, width: page.width, height: page.height };
    const staged = await stageCompressed(draftId, code, jpeg, 'camera', page.crop ? { crop: page.crop } : {});
    localUrls.set(staged.page.pageId, URL.createObjectURL(page.jpeg));
    if (page.crop) autoCrops.set(staged.page.pageId, page.crop);
    setSlot(code, staged.slot);
    return staged.page;
  },
  async rotate(code: string, pageId: string, rotation: Rotation): Promise<void> {
    patchPart(code, await call('materials.rotatePage', { draftId: slotOf(code).draftId, pageId, rotation }));
  },
  async crop(code: string, pageId: string, crop: Crop | null): Promise<void> {
    patchPart(code, await call('materials.cropPage', { draftId: slotOf(code).draftId, pageId, crop }));
  },
  async move(code: string, pageId: string, delta: number): Promise<void> {
    const { draftId, slot } = slotOf(code);
    const ids = (slot?.parts ?? []).map((p) => p.pageId);
    const from = ids.indexOf(pageId);
    const next = moved(ids, from, delta);
    if (from < 0 || next.every((id, i) => id === ids[i])) return;
    setSlot(code, await call('materials.reorderPages', { draftId, materialCode: code, pageIds: next }));
  },
  async remove(code: string, pageId: string): Promise<void> {
    setSlot(code, await call('materials.deletePage', { draftId: slotOf(code).draftId, pageId }));
    const url = localUrls.get(pageId);
    if (url) URL.revokeObjectURL(url);
    localUrls.delete(pageId);
    autoCrops.delete(pageId);
  },
};
