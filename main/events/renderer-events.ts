import { events, type EventName, type EventPayload } from '../../common/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Typed fan-out of main → renderer events; each transport subscribes once. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // Validate at the source so a malformed event is a bug report here, not a blank screen there.
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) throw new Error(`event ${name} does not match the contract: ${parsed.error.message}`);
    for (const l of this.listeners) {
      try {
        l(name, parsed.data);
      } catch {
        // A broken transport must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
