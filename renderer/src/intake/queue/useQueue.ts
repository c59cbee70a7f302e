import { useCallback, useEffect, useState } from 'react';
import type { QueueView } from '../../../../common/contract/queue';
import { call, subscribe } from '../../bridge';

type Op = 'queue.next' | 'queue.recall' | 'queue.pass' | 'queue.pause' | 'queue.resume';

/**
 * This window's queue as the bar shows it: the view pushed by main (`queue.state`), the operations,
 * and the last failure in plain Chinese. A failure never blocks intake: it is shown, that is all.
 */
export function useQueue() {
  const [view, setView] = useState<QueueView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    call('queue.status').then(
      (v) => live && setView(v),
      () => undefined,
    );
    const off = subscribe('queue.state', (v) => setView(v));
    return () => {
      live = false;
      off();
    };
  }, []);
  const run = useCallback(async (op: () => Promise<QueueView>) => {
    setBusy(true);
    try {
      setView(await op());
      setError(null);
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const simple = useCallback((m: Op) => run(() => call(m)), [run]);
  return {
    view,
    error,
    busy,
    /** Whether this window calls tickets at all (a driver is configured and filled in). */
    enabled: Boolean(view && view.driver !== 'none' && !view.missing),
    next: () => simple('queue.next'),
    recall: () => simple('queue.recall'),
    pass: () => simple('queue.pass'),
    togglePause: () => simple(view?.paused ? 'queue.resume' : 'queue.pause'),
    transfer: (to: { toWindow: string } | { toQueue: string }) => run(() => call('queue.transfer', to)),
  };
}
export type QueueControls = ReturnType<typeof useQueue>;
