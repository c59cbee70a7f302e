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

/** Most cases the panel opens one by one for their deadlines (the list has no deadlines). */
const MAX_CASES = 30;

/** 容缺 materials still to supply, with their deadlines; overdue first. */
export function useDeferredDue(round: number) {
  const [rows, setRows] = useState<DeferredDueRow[] | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const today = hallToday();
      const list = await call('cases.list', { status: ['accepted_deferred'], limit: MAX_CASES });
      const out: DeferredDueRow[] = [];
      for (const c of list.cases) {
        const d = await call('cases.get', { id: c.id });
        for (const m of d.deferred) out.push({ key: `${c.id}/${m.code}`, caseId: c.id, caseNumber: c.caseNumber, itemName: c.itemName, material: m.name, deadline: m.deadline, overdue: m.deadline < today });
      }
      out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline));
      if (live) setRows(out);
    })().catch((err) => live && setError(asApiError(err)));
    return () => {
      live = false;
    };
  }, [round]);
  return { rows, error };
}
