import type { Services } from '../services';
import type { Handlers } from '../router';

/** auth.*: thin wrappers over the auth service (main/auth/auth-service.ts). */
export function authHandlers(s: Services): Handlers {
  return {
    'auth.status': () => s.auth.status(),
    'auth.signIn': ({ staffId, password }) => s.auth.signIn(staffId, password),
    'auth.signOut': () => s.auth.signOut(),
    'auth.lock': (input) => s.auth.lock(input?.reason ?? 'manual'),
    'auth.unlock': ({ password }) => s.auth.unlock(password),
    'auth.activity': () => {
      s.auth.activity();
      return { ok: true as const };
    },
    'auth.changePassword': ({ currentPassword, newPassword }) => s.auth.changePassword(currentPassword, newPassword),
    'auth.setup': (input) => s.auth.setup(input),
  };
}
