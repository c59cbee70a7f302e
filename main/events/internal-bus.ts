import { z } from 'zod';
import { CardReadEvent } from '../../common/contract/devices';

/**
 * Events that stay inside main. They are not in the renderer contract (common/contract), so no
 * transport can carry them: `card.read` holds the full decoded identity, and intake turns it into
 * the masked `intake.applicant` that the renderer receives.
 */
export const internalEvents = {
  'card.read': CardReadEvent,
  /** The queue's state changed (a ticket called, passed, transferred, ended): intake's number guess re-reads the serving ticket. */
  'queue.changed': z.object({}),
};

export type InternalEventName = keyof typeof internalEvents;
export type InternalEventPayload<E extends InternalEventName> = z.infer<(typeof internalEvents)[E]>;
export type InternalListener<E extends InternalEventName> = (payload: InternalEventPayload<E>) => void;

/** Typed in-process fan-out of main's internal events (device layer → intake, ops). */
export class InternalBus {
  private readonly listeners = new Map<InternalEventName, Set<InternalListener<never>>>();

  emit<E extends InternalEventName>(name: E, payload: InternalEventPayload<E>): void {
    // Validated at the source like renderer events: a malformed event is a bug report here.
    const parsed = internalEvents[name].safeParse(payload);
    if (!parsed.success) throw new Error(`internal event ${name} does not match its schema: ${parsed.error.message}`);
    for (const l of this.listeners.get(name) ?? []) {
      try {
        (l as InternalListener<E>)(parsed.data as InternalEventPayload<E>);
      } catch {
        // A broken listener must not stop the others.
      }
    }
  }

  on<E extends InternalEventName>(name: E, listener: InternalListener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as InternalListener<never>);
    return () => set.delete(listener as InternalListener<never>);
  }
}
