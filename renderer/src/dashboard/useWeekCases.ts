import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary } from '../../../common/contract/cases';
import { call, type ApiCallError } from '../bridge';
import { asApiError } from '../api/useCall';
import { hallToday } from '../shared/dates';
import { weekStart } from './figures';

const PAGE = 500;
const MAX_PAGES = 20;

/** This window's cases since Monday, newest first, for the CSV export (pages through cases.list; the figures come from cases.figures). */
export function useWeekCases() {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      const monday = weekStart(hallToday());
      const out: CaseSummary[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const r = await call('cases.list', { limit: PAGE, ...(cursor ? { cursor } : {}) });
        out.push(...r.cases);
        const last = r.cases.at(-1);
        if (!r.nextCursor || !last || hallToday(new Date(last.createdAt)) < monday) break;
        cursor = r.nextCursor;
      }
      if (live) {
        setCases(out);
        setError(null);
      }
    })().catch((err) => live && setError(asApiError(err)));
    return () => {
      live = false;
    };
  }, [round]);
  return { cases, error, reload: useCallback(() => setRound((r) => r + 1), []) };
}
