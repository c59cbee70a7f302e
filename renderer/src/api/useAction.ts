import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../bridge';
import { errorText } from '../shared/errorText';
import { asApiError } from './useCall';

/**
 * Wraps a user action (a button press): tracks busy state, and shows a failure as a plain message
 * instead of throwing. Returns the action's value, or undefined when it failed.
 */
export function useAction<A extends unknown[], R>(run: (...args: A) => Promise<R>, opts: { silent?: boolean } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const exec = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await run(...args);
      } catch (err) {
        const e = asApiError(err);
        setError(e);
        if (!opts.silent) void message.error(errorText(t, e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [run, t, message, opts.silent],
  );
  return { exec, busy, error };
}
