import { useEffect, useState } from 'react';
import { call, type ApiCallError } from '../bridge';
import { asApiError } from '../api/useCall';
import { hallToday } from '../shared/dates';

export interface DeferredDueRow {
  key: string;
  caseId: string;
  caseNumber: string | null;
  itemName: string;
  material: string;
  deadline: string;
  overdue: boolean;
}

/** Most cases the panel opens (together) for their deadlines: the list has none. One method in main would do it in one call. */
const MAX_CASES = 30;

/** 容缺 materials still to supply, with their deadlines; overdue first. */
export function useDeferredDue(round: number) {
  const [rows, setRows] = useState<DeferredDueRow[] | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    (async () => {
      const today = hallToday();
      const list = await call('cases.list', { status: ['accepted_deferred'], limit: MAX_CASES });
      const details = await Promise.all(list.cases.map((c) => call('cases.get', { id: c.id })));
      const out: DeferredDueRow[] = [];
      list.cases.forEach((c, i) => {
        // `deferred` also lists materials already supplied (with their deadline): only those still owed are due.
        for (const m of details[i]!.materials)
          if (m.state === 'deferred' && m.deadline)
            out.push({ key: `${c.id}/${m.code}`, caseId: c.id, caseNumber: c.caseNumber, itemName: c.itemName, material: m.name, deadline: m.deadline, overdue: m.deadline < today });
      });
      out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline));
      if (live) setRows(out);
    })().catch((err) => live && setError(asApiError(err)));
    return () => {
      live = false;
    };
  }, [round]);
  return { rows, error };
}
