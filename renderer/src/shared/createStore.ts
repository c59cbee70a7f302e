import { useSyncExternalStore } from 'react';

/** A tiny external store: state that must outlive a component (e.g. an intake across a screen lock). */
export function createStore<T>(initial: T) {
  let state = initial;
  const listeners = new Set<() => void>();
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  return {
    get: () => state,
    set(next: T | ((prev: T) => T)) {
      state = typeof next === 'function' ? (next as (p: T) => T)(state) : next;
      for (const l of listeners) l();
    },
    use: (): T => useSyncExternalStore(subscribe, () => state),
    subscribe,
  };
}
