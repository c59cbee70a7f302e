import { useCallback } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { agentInput, applicantInput, appointmentOf, casePlans, type CasePlan } from '../buildRequest';
import { draftStore, materialsDraftOf, patchDraft, resetDraft, type IntakeDraft, type IntakeOutcome } from '../draftStore';

function requirePlans() {
  const plans = casePlans(draftStore.get());
  if (!plans.length) throw new Error('NO_ITEM');
  return plans;
}

/**
 * The key of this applicant's decision: made once and kept in the draft, so a retry after a
 * failure or a lost reply sends it again and gets the same case(s) back.
 */
function decisionKey(d: IntakeDraft): string {
  const key = d.decisionKey ?? uuidv7();
  if (!d.decisionKey) patchDraft({ decisionKey: key });
  return key;
}

/** What a bundle decision sends: every plan in one call, which main writes in one transaction. */
function bundleRequest(d: IntakeDraft, plans: CasePlan[]) {
  return {
    key: decisionKey(d),
    bundleId: d.bundle!.id,
    applicant: applicantInput(d),
    ...agentInput(d),
    plans: plans.map((p) => ({ itemCode: p.itemCode, materials: p.materials })),
    ...(d.draftCaseId ? { caseId: d.draftCaseId } : {}),
    ...materialsDraftOf(d),
  };
}

/** What a single-item call (draft or decision) sends about the applicant, the item and its materials. */
function singleRequest(d: IntakeDraft, p: CasePlan) {
  return { applicant: applicantInput(d), ...agentInput(d), ...appointmentOf(d), itemCode: p.itemCode, materials: p.materials, ...(d.draftCaseId ? { caseId: d.draftCaseId } : {}) };
}

/**
 * Accept, accept with 容缺, reject, save draft. A bundle makes one case per selected item, all in
 * one call. The outcome goes into the draft store, so the screen shows the notices and the rating next.
 */
export function useIntakeActions() {
  const accept = useCallback(async (deferred?: { commitmentNote: string; deadlineWorkdays: number }) => {
    const d = draftStore.get();
    const plans = requirePlans();
    let outcome: IntakeOutcome;
    if (d.bundle) {
      const r = await call('intake.acceptBundle', { ...bundleRequest(d, plans), ...(deferred ? { deferred } : {}) });
      outcome = {
        kind: 'accepted',
        cases: r.cases.map((c) => ({ caseId: c.caseId, caseNumber: c.caseNumber, itemName: c.itemName, promisedDate: c.promisedDate, promisedProvisional: c.promisedProvisional })),
        deferred: r.cases.flatMap((c) => c.deferred),
      };
    } else {
      const p = plans[0]!;
      const input = { key: decisionKey(d), ...singleRequest(d, p), ...materialsDraftOf(d) };
      const r = deferred && p.materials.some((m) => m.state === 'deferred') ? await call('intake.acceptWithDeferred', { ...input, ...deferred }) : await call('intake.accept', input);
      outcome = { kind: 'accepted', cases: [{ caseId: r.caseId, caseNumber: r.caseNumber, itemName: p.itemName, promisedDate: r.promisedDate, promisedProvisional: r.promisedProvisional }], deferred: r.deferred };
    }
    patchDraft({ outcome });
    return outcome;
  }, []);
  const reject = useCallback(async (reason: string) => {
    const d = draftStore.get();
    const plans = requirePlans();
    let cases: Array<{ caseId: string; caseNumber: string; itemName: string }>;
    if (d.bundle) cases = (await call('intake.rejectBundle', { ...bundleRequest(d, plans), reason })).cases;
    else {
      const p = plans[0]!;
      const r = await call('intake.reject', { key: decisionKey(d), ...singleRequest(d, p), reason });
      cases = [{ ...r, itemName: p.itemName }];
    }
    const outcome: IntakeOutcome = { kind: 'rejected', cases: cases.map((c) => ({ caseId: c.caseId, caseNumber: c.caseNumber, itemName: c.itemName })), deferred: [] };
    patchDraft({ outcome });
    return outcome;
  }, []);
  const saveDraft = useCallback(async () => {
    const d = draftStore.get();
    const [plan] = requirePlans();
    // The saved draft holds its staged pages: finished in another session, they are still linked.
    const r = await call('intake.saveDraft', { ...singleRequest(d, plan!), ...materialsDraftOf(d) });
    patchDraft({ draftCaseId: r.caseId });
    return r;
  }, []);
  /** 撤回 of the saved draft on screen (the applicant left): main drops its held pages; the screen starts the next intake. */
  const withdraw = useCallback(async (reason: string) => {
    const d = draftStore.get();
    if (!d.draftCaseId) throw new Error('NO_DRAFT');
    const r = await call('intake.withdraw', { caseId: d.draftCaseId, reason });
    // Pages staged since under a draft id the case did not hold are not needed either.
    if (materialsDraftOf(d).materialsDraftId) void call('materials.discardDraft', { draftId: d.materialsDraftId }).catch(() => undefined);
    resetDraft();
    return r;
  }, []);
  return { accept: useAction(accept), reject: useAction(reject), saveDraft: useAction(saveDraft), withdraw: useAction(withdraw) };
}
