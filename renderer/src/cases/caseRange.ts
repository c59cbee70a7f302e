import { navigate } from '../routing/useHashRoute';

/** What 我的办件 lists: today's cases, all of them, or the saved drafts (草稿) to finish. */
export type CaseRange = 'today' | 'all' | 'drafts';

export const CASE_RANGES: readonly CaseRange[] = ['today', 'all', 'drafts'];

/** The list's filter for a range: drafts of any day, the others by date. */
export function rangeFilter(range: CaseRange): { today: boolean; status?: ['draft'] } {
  return range === 'drafts' ? { today: false, status: ['draft'] } : { today: range === 'today' };
}

// The range the next 我的办件 opens with, asked for by the intake screen's 草稿 shortcut; taken once.
let requested: CaseRange | null = null;

export function takeRequestedRange(): CaseRange {
  const r = requested ?? 'today';
  requested = null;
  return r;
}

/** The intake screen's 草稿 (shortcut or button): 我的办件 with the saved drafts listed. */
export function openDrafts(): void {
  requested = 'drafts';
  navigate('cases');
}
