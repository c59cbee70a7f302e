export interface BackoffPolicy {
  /** First delay, ms. */
  baseMs: number;
  /** Ceiling of the exponential part, ms. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * Exponential backoff with full jitter (delay uniform in [ceiling/2, ceiling]), so a hall of windows
 * coming back online together does not stampede the central platform; a Retry-After from the
 * server is a floor, never shortened.
 */
export function backoffDelay(policy: BackoffPolicy, failures: number, retryAfterMs?: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Reads `YICHUANG_SYNC_BACKOFF_MS=base,max` (tests and field tuning) over the default. */
export function backoffFromEnv(env = process.env): BackoffPolicy {
  const [base, max] = (env.YICHUANG_SYNC_BACKOFF_MS ?? '').split(',').map(Number);
  return base && max && base > 0 && max >= base ? { baseMs: base, maxMs: max } : DEFAULT_BACKOFF;
}
