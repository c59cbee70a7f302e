import { z } from 'zod';
import { defineMethod, NoInput, ROLES, text } from './define';

/**
 * Staff sign-in, screen lock and first-run setup.
 *
 * The window has one session at a time. Locking keeps the session (an intake in progress survives)
 * but the router answers `LOCKED` to every method except `public` ones and `auth.*` while locked, so
 * the renderer must show the lock screen and hide all applicant data when `locked` is true.
 *
 * Demo mode signs in the demo staff (`demo`, all roles) automatically; its password is `demo`
 * (for unlocking after a hotkey lock). Idle auto-lock is off in demo mode.
 */

export const Role = z.enum(ROLES);

/** A staff login name as issued by the central roster (e.g. `zhangsan` or a staff number). */
export const StaffId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, '账号只能包含字母、数字和 . _ @ -');

/** Passwords: at most 128 characters so a KDF call cannot be made arbitrarily expensive. */
export const Password = z.string().min(1).max(128);
/** New passwords: 8–128 characters (checked again in main with a plain Chinese message). */
export const NewPassword = z.string().min(8, '新密码至少 8 位').max(128);

export const AuthStatus = z.object({
  mode: z.enum(['normal', 'demo']),
  /**
   * True while the window has no staff account at all: the renderer shows the first-run setup
   * screen (setup code printed by the installer, see `auth.setup`).
   */
  setupRequired: z.boolean(),
  signedIn: z.boolean(),
  /** Signed in but locked: show the lock screen (name shown, nothing of any applicant). */
  locked: z.boolean(),
  staffId: z.string().nullable(),
  name: z.string().nullable(),
  roles: z.array(Role),
  /** The account must choose a new password before working (set by setup or an administrator). */
  mustChangePassword: z.boolean(),
  /** Idle auto-lock after this many seconds without activity (settings.lockTimeoutMinutes); 0 = off (demo). */
  idleLockSeconds: z.number().int().min(0),
  /** Why the screen is locked (for the lock screen's line of text). */
  lockReason: z.enum(['idle', 'hotkey', 'manual']).nullable(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

const AnyStaff = ['clerk', 'supervisor', 'maintenance'] as const;

export const authMethods = {
  'auth.status': defineMethod({
    summary: 'Who is signed in, whether the screen is locked, whether first-run setup is needed',
    roles: ['public'],
    input: NoInput,
    output: AuthStatus,
  }),
  'auth.signIn': defineMethod({
    summary:
      'Sign in against the cached staff roster (works offline). Wrong password → UNAUTHENTICATED; ' +
      'after repeated failures the account is held for a growing time (UNAUTHENTICATED, message says how long). ' +
      'Signing in while another staff member is signed in (e.g. at the lock screen) replaces that session.',
    roles: ['public'],
    input: z.object({ staffId: StaffId, password: Password }).strict(),
    output: AuthStatus,
  }),
  'auth.signOut': defineMethod({
    summary: 'Sign out (also allowed while locked: "switch user" on the lock screen)',
    roles: [...AnyStaff],
    input: NoInput,
    output: AuthStatus,
  }),
  'auth.lock': defineMethod({
    summary: 'Lock the screen now (the lock hotkey, or the lock button); the session and any intake in progress stay',
    roles: [...AnyStaff],
    input: z.object({ reason: z.enum(['hotkey', 'manual']).optional() }).strict().optional(),
    output: AuthStatus,
  }),
  'auth.unlock': defineMethod({
    summary: "Unlock with the signed-in staff member's password; repeated failures count towards the account hold",
    roles: [...AnyStaff],
    input: z.object({ password: Password }).strict(),
    output: AuthStatus,
  }),
  'auth.activity': defineMethod({
    summary: 'The renderer saw keyboard/mouse activity: restart the idle auto-lock timer (call at most every few seconds)',
    roles: [...AnyStaff],
    input: NoInput,
    output: z.object({ ok: z.literal(true) }),
  }),
  'auth.changePassword': defineMethod({
    summary: "Change the signed-in staff member's password (needs the current one)",
    roles: [...AnyStaff],
    input: z.object({ currentPassword: Password, newPassword: NewPassword }).strict(),
    output: AuthStatus,
  }),
  'auth.setup': defineMethod({
    summary:
      'First run: create the maintenance account with the one-time setup code the installer printed ' +
      '(also in <dataDir>/setup-code.txt until used). Signs the new account in.',
    roles: ['public'],
    input: z
      .object({
        setupCode: text(40).min(1),
        staffId: StaffId,
        name: text(40).min(1),
        password: NewPassword,
      })
      .strict(),
    output: AuthStatus,
  }),
};

export const authEvents = {
  /** Pushed on every sign-in, sign-out, lock and unlock (including the idle auto-lock). */
  'auth.state': AuthStatus,
};
