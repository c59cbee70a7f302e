import { useCallback } from 'react';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { defaultChoice, draftStore, patchDraft } from '../draftStore';

/** Loads a bundle with the answers so far; merged materials keep earlier choices, new ones default. */
export function useBundle() {
  const load = useCallback(async (id: string, answers: Record<string, string | string[]>) => {
    const result = await call('catalog.bundle', { id, answers });
    const prev = draftStore.get().materials;
    const materials = Object.fromEntries(result.materials.map((m) => [m.key, prev[m.key] ?? defaultChoice(m)]));
    patchDraft({ item: null, bundle: { id, answers, result }, materials });
    return result;
  }, []);
  return useAction(load);
}
