import type { EventName } from '../../common/contract';
import { applicantScreenMayReceive } from '../../common/contract/applicant-screen';
import type { EventListener } from '../api/events';
import type { SessionStore } from './session';

/**
 * Which events the renderer may receive. `card.read` carries the full decoded identity and stays in
 * main (intake turns it into the masked `intake.applicant`). Events about applicants and scans reach
 * the renderer only while someone is signed in and the screen is not locked; status events always.
 * An event not listed here counts as data: a new event is safe by default.
 */
const NEVER: ReadonlySet<string> = new Set<EventName>(['card.read']);
const ALWAYS: ReadonlySet<string> = new Set<EventName>(['app.notice', 'auth.state', 'device.status', 'sync.progress', 'sync.state']);

export function rendererMayReceive(name: EventName, sessions: SessionStore): boolean {
  if (NEVER.has(name)) return false;
  if (ALWAYS.has(name)) return true;
  const s = sessions.get();
  return Boolean(s && !s.locked);
}

/** Wraps a transport's event listener (Electron IPC, loopback WebSocket) with the gate above. */
export function gateForRenderer(sessions: SessionStore, listener: EventListener): EventListener {
  return (name, payload) => {
    if (rendererMayReceive(name, sessions)) listener(name, payload);
  };
}

/** The applicant screen's transport: only the events on its list (common/contract/applicant-screen.ts), whoever is signed in. */
export function gateForApplicantScreen(listener: EventListener): EventListener {
  return (name, payload) => {
    if (applicantScreenMayReceive(name)) listener(name, payload);
  };
}
