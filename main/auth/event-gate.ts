import { isEventName, type EventName } from '../../common/contract';
import type { EventListener } from '../events/renderer-events';
import type { SessionStore } from './session';

/**
 * Which events the renderer may receive: an allow-list. Only events of the renderer contract
 * (`events` in common/contract) pass; main's internal events (`card.read` with the full identity,
 * main/events/internal-bus.ts) are not in it and never reach a transport. Events about applicants
 * and scans pass only while someone is signed in and the screen is not locked; status events always.
 */
const ALWAYS: ReadonlySet<string> = new Set<EventName>(['app.notice', 'auth.state', 'device.status', 'sync.progress', 'sync.state']);

export function rendererMayReceive(name: string, sessions: SessionStore): boolean {
  if (!isEventName(name)) return false;
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
