import { useSyncExternalStore } from 'react';

/** Per-window display preferences kept in localStorage (no PII). */
export interface Preferences {
  largeText: boolean;
}

const KEY = 'yichuang.prefs';
const listeners = new Set<() => void>();
let current: Preferences = read();

function read(): Preferences {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
    return { largeText: raw.largeText === true };
  } catch {
    return { largeText: false };
  }
}

export function setPreferences(patch: Partial<Preferences>): void {
  current = { ...current, ...patch };
  localStorage.setItem(KEY, JSON.stringify(current));
  for (const l of listeners) l();
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
