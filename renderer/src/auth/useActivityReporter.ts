import { useEffect } from 'react';
import { call } from '../bridge';

const MIN_INTERVAL_MS = 10_000;

/** Tells main about keyboard/mouse activity (throttled) so the idle auto-lock restarts its timer. */
export function useActivityReporter(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < MIN_INTERVAL_MS) return;
      last = now;
      call('auth.activity').catch(() => undefined); // best effort: a missed ping only locks a little earlier
    };
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
    };
  }, [enabled]);
}
