import { createStore } from '../../shared/createStore';
import type { Crop } from '../pages/edges';
import { moved, type Rotation } from '../pages/geometry';
import type { ProcessedPage } from '../pages/processStill';

/** One page of a material slot, as the capture UI shows it. Rotation and crop are metadata. */
export interface SlotPage {
  pageId: string;
  /** Where the thumbnail reads the stored image (an object URL of the bytes just encoded). */
  url: string;
  width: number;
  height: number;
  bytes: number;
  rotation: Rotation;
  crop: Crop | null;
  /** What edge detection found (C toggles between it and the whole frame). */
  autoCrop: Crop | null;
}

/** Where pages are kept: the materials subsystem (staged, sealed) once it is there; this seam keeps the UI independent of it. */
export interface SlotBackend {
  add(materialCode: string, page: ProcessedPage): Promise<{ pageId: string; bytes: number }>;
  rotate(pageId: string, rotation: Rotation): Promise<void>;
  crop(pageId: string, crop: Crop | null): Promise<void>;
  reorder(materialCode: string, pageIds: string[]): Promise<void>;
  remove(pageId: string): Promise<void>;
}

/** Pages in memory only (no storage yet): ids made here, bytes counted here. */
export const memoryBackend: SlotBackend = {
  add: async (_code, page) => ({ pageId: crypto.randomUUID(), bytes: page.jpeg.size }),
  rotate: async () => undefined,
  crop: async () => undefined,
  reorder: async () => undefined,
  remove: async () => undefined,
};

/** Pages per material code for the current applicant; cleared with the draft. */
export const slotPagesStore = createStore<Record<string, SlotPage[]>>({});
/** The draft generation the pages belong to: a new applicant starts with empty slots. */
let generation = -1;
let backend: SlotBackend = memoryBackend;

export function setSlotBackend(b: SlotBackend): void {
  backend = b;
}

const setSlot = (code: string, f: (pages: SlotPage[]) => SlotPage[]) => slotPagesStore.set((s) => ({ ...s, [code]: f(s[code] ?? []) }));
const patchPage = (code: string, pageId: string, patch: Partial<SlotPage>) => setSlot(code, (ps) => ps.map((p) => (p.pageId === pageId ? { ...p, ...patch } : p)));

/** The slot operations the capture dialog calls: storage first, then the local list (a failure changes nothing). */
export const slotPages = {
  list: (code: string): SlotPage[] => slotPagesStore.get()[code] ?? [],
  async add(code: string, page: ProcessedPage): Promise<SlotPage> {
    const stored = await backend.add(code, page);
    const item: SlotPage = { pageId: stored.pageId, url: URL.createObjectURL(page.jpeg), width: page.width, height: page.height, bytes: stored.bytes, rotation: 0, crop: page.crop, autoCrop: page.crop };
    setSlot(code, (ps) => [...ps, item]);
    return item;
  },
  async rotate(code: string, pageId: string, rotation: Rotation): Promise<void> {
    await backend.rotate(pageId, rotation);
    patchPage(code, pageId, { rotation });
  },
  async crop(code: string, pageId: string, crop: Crop | null): Promise<void> {
    await backend.crop(pageId, crop);
    patchPage(code, pageId, { crop });
  },
  async move(code: string, pageId: string, delta: number): Promise<void> {
    const pages = slotPages.list(code);
    const from = pages.findIndex((p) => p.pageId === pageId);
    if (from < 0) return;
    const next = moved(pages, from, delta);
    if (next.every((p, i) => p === pages[i])) return;
    await backend.reorder(code, next.map((p) => p.pageId));
    setSlot(code, () => next);
  },
  async remove(code: string, pageId: string): Promise<void> {
    await backend.remove(pageId);
    const gone = slotPages.list(code).find((p) => p.pageId === pageId);
    setSlot(code, (ps) => ps.filter((p) => p.pageId !== pageId));
    if (gone) URL.revokeObjectURL(gone.url);
  },
  /** Called with the draft's generation: a different one (next applicant, another clerk) empties every slot. */
  follow(draftGeneration: number): void {
    if (draftGeneration === generation) return;
    generation = draftGeneration;
    slotPages.clear();
  },
  clear(): void {
    for (const ps of Object.values(slotPagesStore.get())) for (const p of ps) URL.revokeObjectURL(p.url);
    slotPagesStore.set({});
  },
};
