/** 好差评 ratings and rectification tasks (migration 003). */

export interface RatingTable {
  id: string;
  case_id: string;
  level: number;
  /** JSON array. */
  reasons: string;
  text: string | null;
  channel: string;
  at: string;
  clerk_id: string;
}

export interface RectificationTable {
  id: string;
  rating_id: string;
  case_id: string;
  opened_at: string;
  deadline: string;
  deadline_provisional: number;
  state: 'open' | 'closed';
  closed_at: string | null;
  closed_by: string | null;
  note: string | null;
  follow_up_result: string | null;
}

export interface ReviewTables {
  rating: RatingTable;
  rectification: RectificationTable;
}
