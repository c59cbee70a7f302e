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

/**
 * The intake screen's own first calls, asked as soon as auth.status says it is the screen (a clerk,
 * signed in, at #/intake or no route), so they are answered while React renders it (api/earlyAnswers.ts).
 * Keep in step with what the frame and the intake screen ask at mount (and scripts/warm-code-cache.mjs).
 */
function askFirstScreen(s: AuthStatus): void {
  const route = parseHash(window.location.hash)?.name;
  if (!s.signedIn || s.locked || s.mustChangePassword || s.setupRequired || !s.roles.includes('clerk') || (route && route !== 'intake')) return;
  askEarly('sync.status');
  askEarly('uploads.status');
  askEarly('devices.statuses');
  askEarly('catalog.search', { q: '', limit: 6 });
  askEarly('catalog.bundles');
  askEarly('queue.status');
}

/** auth.status: the answer asked at start the first time, a fresh call after that. */
export function authStatus(): Promise<AuthStatus> {
  const answer = first ?? call('auth.status');
  first = null;
  return answer;
}
