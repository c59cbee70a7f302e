import type { EventListener } from '../events/renderer-events';
import type { BusyGate } from '../updater/busy-gate';

/** No card read for this long: the clerk is no longer in the middle of an intake. */
export const INTAKE_QUIET_MS = 10 * 60 * 1000;

/** The two event streams the tracker watches: renderer events and main's internal card reads. */
export interface IntakeActivitySources {
  /** Renderer events (`intake.applicant`, `auth.state`). */
  events(listener: EventListener): () => void;
  /** Each `card.read` on main's internal bus. */
  cardReads(listener: () => void): () => void;
}

/**
 * Holds the intake gate while a clerk has an applicant in front of them, as main can see it: from
 * an ID card read until the screen locks or signs out, or no card has been read for a quiet period.
 * Conservative on purpose: an update waiting ten minutes costs nothing; one cutting an intake does.
 */
export function trackIntakeActivity(sources: IntakeActivitySources, gate: BusyGate, quietMs = INTAKE_QUIET_MS): () => void {
  let leave: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  const end = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    leave?.();
    leave = null;
  };
  const applicant = () => {
    leave ??= gate.enter();
    if (timer) clearTimeout(timer);
    timer = setTimeout(end, quietMs);
    timer.unref();
  };
  const offCards = sources.cardReads(applicant);
  const offEvents = sources.events((name, payload) => {
    if (name === 'intake.applicant') applicant();
    else if (name === 'auth.state') {
      const state = payload as { signedIn?: boolean; locked?: boolean };
      if (!state.signedIn || state.locked) end();
    }
  });
  return () => {
    offCards();
    offEvents();
    end();
  };
}
