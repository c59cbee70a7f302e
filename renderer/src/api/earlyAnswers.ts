import type { MethodInput, MethodName, MethodOutput } from '../../../common/contract';
import type { Result } from '../../../common/contract/errors';

// Calls asked before React mounts (auth/firstStatus.ts: the first screen's), so the host answers
// them while the renderer evaluates and renders instead of after the first commit. The first
// `call` of the same method and input takes the answer; an answer nobody takes is dropped soon.
interface Early {
  answer: Promise<Result<unknown>>;
  /** Set once answered: a `useCall` mounting after that starts with the value (one render, not two). */
  settled?: Result<unknown>;
}

const early = new Map<string, Early>();
const KEEP_MS = 10_000;
const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? null)}`;

/** Asks `method` now; the answer waits for the first `call` (or `takeSettled`) of the same method and input. */
export function askEarly<M extends MethodName>(method: M, input?: MethodInput<M>): void {
  const key = keyOf(method, input);
  const entry: Early = { answer: window.yichuang.invoke(method, input) };
  entry.answer.then(
    (r) => void (entry.settled = r),
    () => undefined,
  );
  early.set(key, entry);
  // Not taken (another screen came first): a later call asks afresh.
  setTimeout(() => early.get(key) === entry && early.delete(key), KEEP_MS);
}

/** The pending or settled early answer of this call, taken (the next call asks the host again). */
export function takeEarly<M extends MethodName>(method: M, input: MethodInput<M> | undefined): Promise<Result<MethodOutput<M>>> | undefined {
  const key = keyOf(method, input);
  const entry = early.get(key);
  early.delete(key);
  // Asked with the same method and input, so answered with its output.
  return entry?.answer as Promise<Result<MethodOutput<M>>> | undefined;
}

/** The early answer's value if it is already here and ok, taken; an error or a pending one stays for `call`. */
export function takeSettled<M extends MethodName>(method: M, input: MethodInput<M> | undefined): { value: MethodOutput<M> } | undefined {
  const key = keyOf(method, input);
  const settled = early.get(key)?.settled;
  if (!settled?.ok) return undefined;
  early.delete(key);
  return { value: settled.value as MethodOutput<M> };
}
