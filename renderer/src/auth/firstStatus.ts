import type { AuthStatus } from '../../../common/contract/auth';
import { askEarly } from '../api/earlyAnswers';
import { call } from '../bridge';
import { parseHash } from '../routing/useHashRoute';

// Imported first by main.tsx: auth.status, which picks the first screen, is asked while the rest of
// the renderer's code (React, Ant Design) is still being evaluated, not after the first render.
// The applicant screen asks no staff questions (it could not).
let first: Promise<AuthStatus> | null = parseHash(window.location.hash)?.name === 'applicant' ? null : call('auth.status');
// Until useAuth takes it, a failure is nobody's unhandled rejection; useAuth still sees it.
first?.then(askFirstScreen, () => undefined);

/** Whether this status shows the app's screens (not set-up, sign-in, lock or a forced password change). */
export const showsScreens = (s: AuthStatus | null): boolean => !!s && s.signedIn && !s.locked && !s.mustChangePassword && !s.setupRequired;

/**
 * The intake screen's own first calls, asked as soon as a status says it is the screen (a clerk,
 * signed in, at #/intake or no route): at start, and at a sign-in or unlock (useAuth), so they are
 * answered while React renders it (api/earlyAnswers.ts). Keep in step with what the frame and the
 * intake screen ask at mount (and scripts/warm-code-cache.mjs).
 */
export function askFirstScreen(s: AuthStatus): void {
  const route = parseHash(window.location.hash)?.name;
  if (!showsScreens(s) || !s.roles.includes('clerk') || (route && route !== 'intake')) return;
  // With the events that change each answer (a change before the screen listens asks again).
  // Not devices.statuses: the demo reader's 'connected' still went missing in e2e/frame.spec.ts
  // (2 in ~11 runs) when asked early; the status bar asks it at mount.
  askEarly('sync.status', undefined, ['sync.state']);
  askEarly('uploads.status', undefined, ['uploads.state']);
  askEarly('catalog.search', { q: '', limit: 6 });
  askEarly('catalog.bundles');
  askEarly('queue.status', undefined, ['queue.state']);
}

/** auth.status: the answer asked at start the first time, a fresh call after that. */
export function authStatus(): Promise<AuthStatus> {
  const answer = first ?? call('auth.status');
  first = null;
  return answer;
}
