/** What a database error means for the answer, whichever database raised it. */

const pgCode = (err: unknown): string => String((err as { code?: unknown })?.code ?? '');

/** The record can never be stored as sent (unique, check, not-null…): SQLite constraint or PostgreSQL class 23. */
export function isConstraintViolation(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return /SQLITE_CONSTRAINT/.test(err.message) || /^23/.test(pgCode(err));
}

/**
 * Worth retrying as it is: a busy SQLite file; a PostgreSQL deadlock or serialisation failure
 * (class 40), too many connections or a server going down (53, 57P), a connection lost (08, socket).
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (/SQLITE_BUSY|SQLITE_LOCKED/.test(err.message)) return true;
  const code = pgCode(err);
  if (/^(40|53|08|57P)/.test(code)) return true;
  return /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code) || /Connection terminated|connection timeout/i.test(err.message);
}
