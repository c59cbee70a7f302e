import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthStatus } from '../../../common/contract/auth';
import { ApiCallError, call } from '../bridge';
import { asApiError } from '../api/useCall';
import { useEvent } from '../api/useEvent';
import { askFirstScreen, authStatus, showsScreens } from './firstStatus';

export interface AuthState {
  status: AuthStatus | null;
  error: ApiCallError | null;
  /** auth.* has not landed: the session comes from app.session (demo staff) and there is no lock. */
  fallback: boolean;
  refresh: () => void;
  apply: (status: AuthStatus) => void;
}

/** Who is signed in and whether the screen is locked; follows the `auth.state` event. */
export function useAuth(): AuthState {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [fallback, setFallback] = useState(false);
  const refresh = useCallback(() => {
    authStatus().then(
      (s) => {
        setStatus(s);
        setFallback(false);
        setError(null);
      },
      async (err: unknown) => {
        const e = asApiError(err);
        if (e.code !== 'NOT_AVAILABLE') return setError(e);
        try {
          setStatus(await sessionAsStatus());
          setFallback(true);
          setError(null);
        } catch (err2) {
          setError(asApiError(err2));
        }
      },
    );
  }, []);
  useEffect(refresh, [refresh]);
  useEvent('auth.state', setStatus);
  const shown = useRef(status);
  shown.current = status;
  // Signed in or unlocked here: the first screen's calls go out now, while React renders it.
  const apply = useCallback((s: AuthStatus) => {
    if (!showsScreens(shown.current)) askFirstScreen(s);
    setStatus(s);
  }, []);
  return { status, error, fallback, refresh, apply };
}

async function sessionAsStatus(): Promise<AuthStatus> {
  const [info, session] = await Promise.all([call('app.info'), call('app.session')]);
  return {
    mode: info.mode,
    setupRequired: false,
    signedIn: session.staffId !== null,
    locked: false,
    staffId: session.staffId,
    name: session.name,
    roles: session.roles,
    mustChangePassword: false,
    idleLockSeconds: 0,
    lockReason: null,
  };
}
