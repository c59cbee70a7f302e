import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthStatus } from '../../common/contract/auth';
import { AppError } from '../../common/contract/errors';
import type { EventBus } from '../events/renderer-events';
import { appendAudit } from '../audit/chain';
import type { DB } from '../db/schema';
import { enqueueOutbox } from '../db/outbox';
import type { Logger } from '../../platform/log/logger';
import { IdleLock } from './idle-lock';
import { describeWait, holdRemainingMs, type LockoutPolicy } from './lockout';
import { clearLockout, readLockout, recordFailure } from './lockout-store';
import { DEFAULT_PARAMS, dummyHash, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password-hash';
import { countStaff, findStaff, insertStaff, setPasswordHash } from './roster';
import type { LockReason, Session, SessionStore } from './session';
import { checkSetupCode, removeSetupCodeFile } from './setup-code';

export const DEMO_STAFF: Session = { staffId: 'demo', name: '培训员', roles: ['clerk', 'supervisor', 'maintenance'] };
/** The demo staff's password (demo mode only), for unlocking after a hotkey lock. */
export const DEMO_PASSWORD = 'demo';
/** Lockout key for setup-code guesses. */
const SETUP_KEY = '#setup';

export interface AuthServiceDeps {
  db: Kysely<DB>;
  sessions: SessionStore;
  events: EventBus;
  log: Logger;
  mode: 'normal' | 'demo';
  dataDir: string;
  idleLockSeconds: number;
  params?: ScryptParams;
  lockout?: LockoutPolicy;
  now?: () => Date;
}

/** Sign-in, lock, unlock, password change and first-run setup of the window's one session. */
export class AuthService {
  private readonly idle: IdleLock;
  private readonly now: () => Date;
  private readonly params: ScryptParams;
  private setupRequired = false;
  // One auth operation at a time, so parallel guesses cannot slip past the failure count.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: AuthServiceDeps) {
    this.now = d.now ?? (() => new Date());
    this.params = d.params ?? DEFAULT_PARAMS;
    this.idle = new IdleLock(d.idleLockSeconds, () => void this.lock('idle').catch((err) => d.log.error({ err }, 'idle lock failed')));
  }

  async init(): Promise<void> {
    this.setupRequired = this.d.mode === 'normal' && (await countStaff(this.d.db)) === 0;
    if (this.d.sessions.get() && !this.d.sessions.get()!.locked) this.idle.touch();
  }

  status(): AuthStatus {
    const s = this.d.sessions.get();
    return {
      mode: this.d.mode,
      setupRequired: this.setupRequired,
      signedIn: Boolean(s),
      locked: Boolean(s?.locked),
      staffId: s?.staffId ?? null,
      name: s?.name ?? null,
      roles: s?.roles ?? [],
      mustChangePassword: Boolean(s?.mustChangePassword),
      idleLockSeconds: this.idle.timeoutSeconds,
      lockReason: s?.locked ? (s.lockReason ?? 'manual') : null,
    };
  }

  signIn(staffId: string, password: string): Promise<AuthStatus> {
    return this.serial(async () => {
      const staff = this.isDemoLogin(staffId) ? null : await findStaff(this.d.db, staffId);
      // What someone typed as an account that does not exist may be anything (even an ID number):
      // it is counted and audited under a hash, never stored in clear.
      const key = staff || this.isDemoLogin(staffId) ? staffId : unknownAccountKey(staffId);
      await this.refuseWhileHeld(key);
      if (this.isDemoLogin(staffId)) {
        if (password !== DEMO_PASSWORD) await this.fail(staffId, 'auth.signInFailed');
        return this.begin(DEMO_STAFF);
      }
      const usable = staff && staff.active && staff.passwordHash && staff.roles.length > 0;
      const ok = await verifyPassword(password, usable ? staff.passwordHash! : await dummyHash(this.params));
      if (!usable || !ok) await this.fail(key, 'auth.signInFailed', usable ? 'password' : staff ? 'inactive' : 'unknown');
      await clearLockout(this.d.db, staffId);
      if (needsRehash(staff!.passwordHash!, this.params))
        await setPasswordHash(this.d.db, staffId, await hashPassword(password, this.params), this.now());
      return this.begin({ staffId, name: staff!.name, roles: staff!.roles, mustChangePassword: staff!.mustChangePassword });
    });
  }

  signOut(): Promise<AuthStatus> {
    return this.serial(async () => {
      const s = this.d.sessions.get();
      if (s) await appendAudit(this.d.db, { actor: s.staffId, action: 'auth.signOut' });
      this.idle.stop();
      this.d.sessions.set(null);
      return this.publish();
    });
  }

  lock(reason: LockReason): Promise<AuthStatus> {
    return this.serial(async () => {
      const s = this.d.sessions.get();
      this.idle.stop();
      if (s && this.d.sessions.lock(reason)) {
        await appendAudit(this.d.db, { actor: s.staffId, action: 'auth.lock', detail: { reason } });
        this.d.log.info({ staffId: s.staffId, reason }, 'screen locked');
      }
      return this.publish();
    });
  }

  unlock(password: string): Promise<AuthStatus> {
    return this.serial(async () => {
      const s = this.d.sessions.get();
      if (!s) throw new AppError('UNAUTHENTICATED', '请先登录。');
      if (!s.locked) return this.status();
      await this.refuseWhileHeld(s.staffId);
      if (!(await this.passwordMatches(s.staffId, password))) await this.fail(s.staffId, 'auth.unlockFailed');
      await clearLockout(this.d.db, s.staffId);
      this.d.sessions.unlock();
      await appendAudit(this.d.db, { actor: s.staffId, action: 'auth.unlock' });
      this.idle.touch();
      return this.publish();
    });
  }

  activity(): void {
    const s = this.d.sessions.get();
    if (s && !s.locked) this.idle.touch();
  }

  changePassword(current: string, next: string): Promise<AuthStatus> {
    return this.serial(async () => {
      const s = this.d.sessions.get();
      if (!s) throw new AppError('UNAUTHENTICATED', '请先登录。');
      if (this.isDemoLogin(s.staffId)) throw new AppError('CONFLICT', '培训账号不能修改密码。');
      await this.refuseWhileHeld(s.staffId);
      if (!(await this.passwordMatches(s.staffId, current))) await this.fail(s.staffId, 'auth.changePasswordFailed');
      checkNewPassword(next, s.staffId, current);
      const hash = await hashPassword(next, this.params);
      const now = this.now();
      await this.d.db.transaction().execute(async (trx) => {
        await setPasswordHash(trx, s.staffId, hash, now);
        await clearLockout(trx, s.staffId);
        // The central roster learns the new verifier (never the password) through the outbox.
        await enqueueOutbox(trx, { kind: 'staff.passwordChanged', aggregateId: `staff:${s.staffId}`, payload: { staffId: s.staffId, passwordHash: hash, passwordChangedAt: now.toISOString() } });
        await appendAudit(trx, { actor: s.staffId, action: 'auth.changePassword', subject: s.staffId });
      });
      this.d.sessions.set({ ...s, mustChangePassword: false });
      return this.publish();
    });
  }

  setup(input: { setupCode: string; staffId: string; name: string; password: string }): Promise<AuthStatus> {
    return this.serial(async () => {
      if (this.d.mode === 'demo') throw new AppError('CONFLICT', '培训模式无需初始设置。');
      if ((await countStaff(this.d.db)) > 0) throw new AppError('CONFLICT', '本窗口已完成初始设置，请直接登录。');
      await this.refuseWhileHeld(SETUP_KEY);
      if (!(await checkSetupCode(this.d.db, input.setupCode))) await this.fail(SETUP_KEY, 'auth.setupFailed');
      checkNewPassword(input.password, input.staffId);
      const hash = await hashPassword(input.password, this.params);
      const now = this.now();
      await this.d.db.transaction().execute(async (trx) => {
        await insertStaff(trx, { staffId: input.staffId, name: input.name, roles: ['maintenance'], passwordHash: hash, passwordChangedAt: now.toISOString(), mustChangePassword: false, active: true, source: 'setup' }, now);
        await trx.deleteFrom('meta').where('key', '=', 'auth.setup_code').execute();
        await clearLockout(trx, SETUP_KEY);
        await appendAudit(trx, { actor: input.staffId, action: 'auth.setup', subject: input.staffId });
      });
      removeSetupCodeFile(this.d.dataDir);
      this.setupRequired = false;
      this.d.log.info({ staffId: input.staffId }, 'first-run maintenance account created');
      return this.begin({ staffId: input.staffId, name: input.name, roles: ['maintenance'] });
    });
  }

  /** The idle time changed in the settings: applies from now on. */
  setIdleLockSeconds(seconds: number): void {
    const s = this.d.sessions.get();
    this.idle.setTimeoutSeconds(seconds, Boolean(s && !s.locked));
  }

  close(): void {
    this.idle.stop();
  }

  private isDemoLogin(staffId: string): boolean {
    return this.d.mode === 'demo' && staffId === DEMO_STAFF.staffId;
  }

  private async passwordMatches(staffId: string, password: string): Promise<boolean> {
    if (this.isDemoLogin(staffId)) return password === DEMO_PASSWORD;
    const staff = await findStaff(this.d.db, staffId);
    return verifyPassword(password, staff?.active && staff.passwordHash ? staff.passwordHash : await dummyHash(this.params));
  }

  private async begin(session: Session): Promise<AuthStatus> {
    const previous = this.d.sessions.get();
    await appendAudit(this.d.db, { actor: session.staffId, action: 'auth.signIn', detail: previous && previous.staffId !== session.staffId ? { replaced: previous.staffId } : {} });
    this.d.sessions.set({ ...session, locked: false, lockReason: null });
    this.idle.touch();
    this.d.log.info({ staffId: session.staffId }, 'signed in');
    return this.publish();
  }

  private async refuseWhileHeld(key: string): Promise<void> {
    const wait = holdRemainingMs(await readLockout(this.d.db, key), this.now());
    if (wait > 0) throw new AppError('UNAUTHENTICATED', `密码错误次数过多，已暂停验证。请在 ${describeWait(wait)}后重试，或联系大厅负责人。`);
  }

  /** Counts the failure, audits it and throws the coded error. */
  private async fail(key: string, action: string, reason = 'password'): Promise<never> {
    const state = await recordFailure(this.d.db, key, this.now(), this.d.lockout);
    await appendAudit(this.d.db, { actor: key, action, detail: { reason, failures: state.failures } });
    this.d.log.warn({ staffId: key, failures: state.failures, action }, 'authentication failed');
    const wait = holdRemainingMs(state, this.now());
    const what = key === SETUP_KEY ? '设置码不正确。' : action === 'auth.signInFailed' ? '账号或密码不正确。' : '密码不正确。';
    throw new AppError('UNAUTHENTICATED', wait > 0 ? `${what}错误次数过多，已暂停验证 ${describeWait(wait)}。` : what);
  }

  private publish(): AuthStatus {
    const status = this.status();
    this.d.events.emit('auth.state', status);
    return status;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The lockout/audit key of an unknown account name: a short hash, so typed text is not kept. */
export function unknownAccountKey(typed: string): string {
  return `unknown:${crypto.createHash('sha256').update(`yichuang/unknown-account/${typed.toLowerCase()}`).digest('hex').slice(0, 16)}`;
}

/** New password rules, in plain words. */
export function checkNewPassword(next: string, staffId: string, current?: string): void {
  if (next.length < 8) throw new AppError('INVALID_INPUT', '新密码至少需要 8 位。');
  if (next.toLowerCase().includes(staffId.toLowerCase())) throw new AppError('INVALID_INPUT', '新密码不能包含账号。');
  if (current !== undefined && next === current) throw new AppError('INVALID_INPUT', '新密码不能与当前密码相同。');
  if (/^(.)\1*$/.test(next) || /^(0123456789|12345678|87654321)/.test(next)) throw new AppError('INVALID_INPUT', '新密码过于简单，请换一个。');
}
