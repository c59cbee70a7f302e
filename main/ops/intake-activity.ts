import type { EventListener } from '../api/events';
import type { BusyGate } from '../updater/busy-gate';

/** No card read for this long: the clerk is no longer in the middle of an intake. */
export const INTAKE_QUIET_MS = 10 * 60 * 1000;

/**
 * Holds the intake gate while a clerk has an applicant in front of them, as main can see it: from
 * an ID card read until the screen locks or signs out, or no card has been read for a quiet period.
 * Conservative on purpose: an update waiting ten minutes costs nothing; one cutting an intake does.
 */
export function trackIntakeActivity(subscribe: (l: EventListener) => () => void, gate: BusyGate, quietMs = INTAKE_QUIET_MS): () => void {
  let leave: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  const end = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    leave?.();
    leave = null;
  };
  const off = subscribe((name, payload) => {
    if (name === 'card.read' || name === 'intake.applicant') {
      leave ??= gate.enter();
      if (timer) clearTimeout(timer);
      timer = setTimeout(end, quietMs);
      timer.unref();
    } else if (name === 'auth.state') {
      const state = payload as { signedIn?: boolean; locked?: boolean };
      if (!state.signedIn || state.locked) end();
    }
  });
  return () => {
    off();
    end();
  };
}
