import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../common/contract';
import { ApiCallError, call } from '../bridge';
import { takeSettled } from './earlyAnswers';

export interface CallState<T> {
  data: T | null;
  error: ApiCallError | null;
  loading: boolean;
  /** Run the call again (after an action changed what it returns). */
  reload: () => void;
  /** Replace the data locally (an event brought a newer value). */
  setData: (data: T) => void;
}

/** Loads one contract method when `deps` change. `input === null` skips the call (not ready yet). */
export function useCall<M extends MethodName>(
  method: M,
  input: MethodInput<M> | undefined | null,
  deps: readonly unknown[] = [],
): CallState<MethodOutput<M>> {
  // Answered already (asked before React mounted, api/earlyAnswers.ts): the first render shows it.
  const [early] = useState(() => (input === null ? undefined : takeSettled(method, input)));
  const [data, setData] = useState<MethodOutput<M> | null>(early ? early.value : null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [loading, setLoading] = useState(input !== null && !early);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    if (input === null) return;
    const mine = ++latest.current;
    // Kept unless it changed since it was asked (this effect runs before the component's useEvent does).
    if (mine === 1 && early && !early.stale()) return;
    setLoading(true);
    call(method, input).then(
      (value) => {
        if (mine !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== latest.current) return;
        setError(asApiError(err));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method, round, input === null, ...deps]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload, setData };
}

/** Any thrown value as an ApiCallError (a bug in the renderer becomes INTERNAL, never an unhandled rejection). */
export function asApiError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err;
  return new ApiCallError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
}
