import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../common/contract';
import { subscribe } from '../bridge';

/** Subscribes to a pushed event for the component's lifetime; the latest callback is always used. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => subscribe(event, (p) => ref.current(p)), [event]);
}
