import { useCallback } from 'react';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { agentInput, applicantInput, casePlans } from '../buildRequest';
import { draftStore, patchDraft, type IntakeOutcome } from '../draftStore';

/** Bundle cases taken together share a group id (made here, on the window). */
function bundleFields() {
  const d = draftStore.get();
  return d.bundle ? { bundleId: d.bundle.id, bundleGroupId: crypto.randomUUID() } : {};
}

function requirePlans() {
  const plans = casePlans(draftStore.get());
  if (!plans.length) throw new Error('NO_ITEM');
  return plans;
}

/**
 * Accept, accept with 容缺, reject, save draft. A bundle makes one case per selected item. The
 * outcome goes into the draft store, so the screen shows the notice and the rating step next.
 */
export function useIntakeActions() {
  const accept = useCallback(async (deferred?: { commitmentNote: string; deadlineWorkdays: number }) => {
    const d = draftStore.get();
    const plans = requirePlans();
    const common = { applicant: applicantInput(d), ...agentInput(d), ...bundleFields(), ...(plans.length === 1 && d.draftCaseId ? { caseId: d.draftCaseId } : {}) };
    const outcome: IntakeOutcome = { kind: 'accepted', cases: [], deferred: [] };
    for (const p of plans) {
      const input = { ...common, itemCode: p.itemCode, materials: p.materials };
      const r = deferred && p.materials.some((m) => m.state === 'deferred') ? await call('intake.acceptWithDeferred', { ...input, ...deferred }) : await call('intake.accept', input);
      outcome.cases.push({ caseId: r.caseId, caseNumber: r.caseNumber, itemName: p.itemName, promisedDate: r.promisedDate, promisedProvisional: r.promisedProvisional });
      outcome.deferred.push(...r.deferred);
    }
    patchDraft({ outcome });
    return outcome;
  }, []);
  const reject = useCallback(async (reason: string) => {
    const d = draftStore.get();
    const plans = requirePlans();
    const outcome: IntakeOutcome = { kind: 'rejected', cases: [], deferred: [] };
    for (const p of plans) {
      const r = await call('intake.reject', { applicant: applicantInput(d), ...agentInput(d), itemCode: p.itemCode, materials: p.materials, reason, ...bundleFields(), ...(d.draftCaseId ? { caseId: d.draftCaseId } : {}) });
      outcome.cases.push({ caseId: r.caseId, caseNumber: r.caseNumber, itemName: p.itemName });
    }
    patchDraft({ outcome });
    return outcome;
  }, []);
  const saveDraft = useCallback(async () => {
    const d = draftStore.get();
    const [plan] = requirePlans();
    const r = await call('intake.saveDraft', {
      itemCode: plan!.itemCode,
      materials: plan!.materials,
      applicant: applicantInput(d),
      ...agentInput(d),
      ...(d.draftCaseId ? { caseId: d.draftCaseId } : {}),
    });
    patchDraft({ draftCaseId: r.caseId });
    return r;
  }, []);
  return { accept: useAction(accept), reject: useAction(reject), saveDraft: useAction(saveDraft) };
}
