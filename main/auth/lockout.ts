/**
 * Lockout with backoff: the first few wrong passwords cost nothing, then every further failure
 * holds the account for twice as long as the one before, up to a cap. A hold is lifted by time or
 * by a correct password after it ends; it is never permanent (a clerk must not be locked out of the
 * window for the day by a colleague's typos).
 */
export interface LockoutPolicy {
  /** The failure with this number starts the first hold (5: four free mistakes). */
  freeAttempts: number;
  firstHoldMs: number;
  maxHoldMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { freeAttempts: 5, firstHoldMs: 30_000, maxHoldMs: 15 * 60_000 };

export interface LockoutState {
  failures: number;
  /** ISO time until which sign-in is refused, or null. */
  holdUntil: string | null;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: LockoutState, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): LockoutState {
  const failures = state.failures + 1;
  const excess = failures - policy.freeAttempts;
  if (excess < 0) return { failures, holdUntil: null };
  const hold = Math.min(policy.firstHoldMs * 2 ** Math.min(excess, 30), policy.maxHoldMs);
  return { failures, holdUntil: new Date(now.getTime() + hold).toISOString() };
}

/** Milliseconds left of a hold at `now` (0 when none). */
export function holdRemainingMs(state: LockoutState | null | undefined, now: Date): number {
  if (!state?.holdUntil) return 0;
  return Math.max(0, Date.parse(state.holdUntil) - now.getTime());
}

/** "请在 2 分 30 秒后重试" */
export function describeWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} 分${s % 60 ? ` ${s % 60} 秒` : ''}` : `${s} 秒`;
}
