import type { EventName, MethodInput, MethodName, MethodOutput } from '../../../common/contract';
import type { Result } from '../../../common/contract/errors';

// Calls asked before React mounts (auth/firstStatus.ts: the first screen's), so the host answers
// them while the renderer evaluates and renders instead of after the first commit. The first
// `call` of the same method and input takes the answer; an answer nobody takes is dropped soon.
// An event that changes what was asked (`staleOn`) makes the answer stale: the component subscribes
// only at mount, so it would not hear of that change; a stale answer is asked again.
interface Early {
  answer: Promise<Result<unknown>>;
  /** Set once answered: a `useCall` mounting after that starts with the value (one render, not two). */
  settled?: Result<unknown>;
  /** A `staleOn` event came after the question. */
  stale: boolean;
}

const early = new Map<string, Early>();
const KEEP_MS = 10_000;
const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? null)}`;

/** Asks `method` now; the answer waits for the first `call` (or `takeSettled`) of the same method and input. */
export function askEarly<M extends MethodName>(method: M, input?: MethodInput<M>, staleOn: readonly EventName[] = []): void {
  const key = keyOf(method, input);
  const entry: Early = { answer: window.yichuang.invoke(method, input), stale: false };
  entry.answer.then(
    (r) => void (entry.settled = r),
    () => undefined,
  );
  early.set(key, entry);
  const offs = staleOn.map((event) => window.yichuang.on(event, () => void (entry.stale = true)));
  // Not taken (another screen came first): a later call asks afresh. By then every taker listens itself.
  setTimeout(() => {
    if (early.get(key) === entry) early.delete(key);
    for (const off of offs) off();
  }, KEEP_MS);
}

/** The early answer of this call, taken (the next call asks the host again); asked again if it went stale meanwhile. */
export function takeEarly<M extends MethodName>(method: M, input: MethodInput<M> | undefined): Promise<Result<MethodOutput<M>>> | undefined {
  const entry = take(method, input);
  if (!entry || entry.stale) return undefined;
  // A change while the answer is on its way (the caller listens from now on, the answer is older).
  const answer = entry.answer.then((r) => (entry.stale ? window.yichuang.invoke(method, input) : r));
  // Asked with the same method and input, so answered with its output.
  return answer as Promise<Result<MethodOutput<M>>>;
}

/**
 * The early answer's value if it is already here and ok, taken; `stale()` says whether a change
 * came since (checked when the taker starts listening). An error or a pending answer stays for `call`.
 */
export function takeSettled<M extends MethodName>(method: M, input: MethodInput<M> | undefined): { value: MethodOutput<M>; stale: () => boolean } | undefined {
  const entry = early.get(keyOf(method, input));
  if (!entry?.settled?.ok || entry.stale) return undefined;
  take(method, input);
  return { value: entry.settled.value as MethodOutput<M>, stale: () => entry.stale };
}

function take(method: string, input: unknown): Early | undefined {
  const key = keyOf(method, input);
  const entry = early.get(key);
  early.delete(key);
  return entry;
}
