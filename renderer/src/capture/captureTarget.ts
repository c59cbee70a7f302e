import { createStore } from '../shared/createStore';

/** The material slot whose camera window is open, or null. The intake's own keys pause while it is. */
export const captureTarget = createStore<{ code: string; name: string } | null>(null);

export const openCapture = (code: string, name: string) => captureTarget.set({ code, name });
export const closeCapture = () => captureTarget.set(null);

/** F7 with no slot focused opens the first one; a focused element inside a slot picks that slot. */
export function focusedSlotCode(): string | null {
  const row = document.activeElement?.closest<HTMLElement>('[data-testid=material-row]');
  return row?.dataset.code ?? null;
}
