/** Window-side case states (DOMAIN.md "Case lifecycle"); central states arrive through sync only. */

export const CASE_STATUSES = ['draft', 'accepted', 'accepted_deferred', 'rejected', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '草稿',
  accepted: '已受理',
  accepted_deferred: '容缺受理',
  rejected: '不予受理',
  withdrawn: '已撤回',
};

/** The four ways out of a draft, and withdrawal of an accepted case before the platform handles it. */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['draft', 'accepted', 'accepted_deferred', 'rejected', 'withdrawn'],
  accepted: ['withdrawn'],
  accepted_deferred: ['withdrawn', 'accepted'],
  rejected: [],
  withdrawn: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States of one material of a case. `licence`: replaced by an e-licence; `deferred`: 容缺, to be supplied. */
export const MATERIAL_STATES = ['received', 'licence', 'deferred', 'supplied', 'not_provided'] as const;
export type MaterialState = (typeof MATERIAL_STATES)[number];
export const MATERIAL_STATE_LABELS: Record<MaterialState, string> = {
  received: '已收取',
  licence: '电子证照',
  deferred: '容缺待补',
  supplied: '已补齐',
  not_provided: '未提供',
};
