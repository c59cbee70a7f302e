import { useState } from 'react';
import { SHORTCUTS } from '../../shared/shortcuts';
import { casePlans, hasDeferred } from '../buildRequest';
import type { IntakeDraft } from '../draftStore';
import { useIntakeActions } from './useIntakeActions';

/** Decision state shared by the buttons, the dialogs and the shortcuts. */
export function useDecisions(draft: IntakeDraft) {
  const actions = useIntakeActions();
  const [dialog, setDialog] = useState<'reject' | 'deferred' | 'withdraw' | null>(null);
  const ready = casePlans(draft).length > 0 && applicantGiven(draft);
  const deferred = hasDeferred(draft);
  const busy = actions.accept.busy || actions.reject.busy || actions.saveDraft.busy || actions.withdraw.busy;
  const accept = () => {
    if (!ready || busy) return;
    if (deferred) setDialog('deferred');
    else void actions.accept.exec();
  };
  const k = SHORTCUTS.intake;
  const hotkeys = {
    [k.accept]: accept,
    [k.acceptDeferred]: () => ready && setDialog('deferred'),
    [k.saveDraft]: () => ready && void actions.saveDraft.exec(),
    [k.reject]: () => ready && setDialog('reject'),
    // A saved draft (resumed, or saved with Ctrl+S in this intake) can be withdrawn from here.
    ...(draft.draftCaseId ? { [k.withdrawDraft]: () => !busy && setDialog('withdraw') } : {}),
  };
  return { actions, dialog, setDialog, dialogOpen: dialog !== null, ready, deferred, busy, accept, hotkeys };
}
export type Decisions = ReturnType<typeof useDecisions>;

function applicantGiven(d: IntakeDraft): boolean {
  if (d.applicantKind === 'enterprise') return !!(d.enterprise.name.trim() && d.enterprise.uscc.trim());
  return !!(d.person.card || d.person.idNumber.trim());
}
