import type { AuthStatus } from '../../../common/contract/auth';
import { call } from '../bridge';
import { parseHash } from '../routing/useHashRoute';

// Imported first by main.tsx: auth.status, which picks the first screen, is asked while the rest of
// the renderer's code (React, Ant Design) is still being evaluated, not after the first render.
// The applicant screen asks no staff questions (it could not).
let first: Promise<AuthStatus> | null = parseHash(window.location.hash)?.name === 'applicant' ? null : call('auth.status');
// Until useAuth takes it, a failure is nobody's unhandled rejection; useAuth still sees it.
first?.catch(() => undefined);

/** auth.status: the answer asked at start the first time, a fresh call after that. */
export function authStatus(): Promise<AuthStatus> {
  const answer = first ?? call('auth.status');
  first = null;
  return answer;
}
