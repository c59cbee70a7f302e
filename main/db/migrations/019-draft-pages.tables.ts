/**
 * The staged pages a saved case draft holds (migration 019; main/materials/draft-pages.ts): the
 * intake's materials draft id, so the draft finished later (another session, after a restart)
 * links them, and the start-up sweep keeps them while the draft is open. A row lives while its
 * case is a draft: the decision or the withdrawal deletes it in its own transaction.
 */
export interface CaseDraftPagesTable {
  case_id: string;
  draft_id: string;
  held_at: string;
}

export interface DraftPagesTables {
  case_draft_pages: CaseDraftPagesTable;
}
