import { useCallback } from 'react';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { defaultChoice, patchDraft } from '../draftStore';

/** Loads an item into the draft with its materials, each preselected as received with the catalog's counts. */
export async function loadItem(code: string) {
  const item = await call('catalog.item', { code });
  patchDraft({ item, bundle: null, materials: Object.fromEntries(item.materials.map((m) => [m.code, defaultChoice(m)])) });
  return item;
}

/** Choosing an item loads its materials and preselects each as received with the catalog's counts. */
export function useItemChoice() {
  const load = useCallback((code: string) => loadItem(code), []);
  return useAction(load);
}
