/**
 * Runs `work` while `pending` — a statement already handed to SQLite's worker thread — executes,
 * then waits for the statement: the JavaScript a transaction needs next (serialising, hashing,
 * building rows) runs beside SQLite instead of after it, so it adds no time under the write lock.
 *
 * If `work` throws, the statement is still waited for before the error is passed on: the caller's
 * rollback must not overtake a statement of its own transaction. A failed statement is reported
 * as such (it is never left unhandled).
 */
export async function whileRunning<S, W>(pending: Promise<S>, work: () => W): Promise<[S, W]> {
  let done: W;
  try {
    done = work();
  } catch (err) {
    await pending.catch(() => undefined);
    throw err;
  }
  return [await pending, done];
}
