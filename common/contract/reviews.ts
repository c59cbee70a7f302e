import { z } from 'zod';
import { FOLLOW_UP_RESULTS, RATING_CHANNELS } from '../domain/rating';
import { defineMethod, text } from './define';
import { RatingLevel } from './scan';

export const RectificationState = z.enum(['open', 'closed']);

export const RectificationView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string().nullable(),
  itemName: z.string(),
  ratingId: z.string(),
  level: z.number().int(),
  levelLabel: z.string(),
  reasons: z.array(z.string()),
  text: z.string().nullable(),
  openedAt: z.string(),
  deadline: z.string(),
  deadlineProvisional: z.boolean(),
  state: RectificationState,
  /** Open and past its deadline (hall date). */
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  note: z.string().nullable(),
  followUpResult: z.enum(FOLLOW_UP_RESULTS).nullable(),
});
export type RectificationView = z.infer<typeof RectificationView>;

export const reviewsMethods = {
  'reviews.rate': defineMethod({
    summary: '好差评: one rating per case; levels 4–5 open a rectification task with a deadline in working days',
    roles: ['clerk'],
    input: z
      .object({
        caseId: text(80).min(1),
        level: RatingLevel,
        reasons: z.array(text(100)).max(20).default([]),
        text: text(500).optional(),
        channel: z.enum(RATING_CHANNELS),
      })
      .strict(),
    output: z.object({
      ratingId: z.string(),
      rectification: z.object({ id: z.string(), deadline: z.string(), deadlineProvisional: z.boolean() }).nullable(),
    }),
  }),
  'reviews.rectifications': defineMethod({
    summary: 'The bad-rating rectification queue (overdue first)',
    roles: ['supervisor', 'clerk'],
    input: z.object({ state: z.enum(['open', 'closed', 'overdue']).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ items: z.array(RectificationView), openCount: z.number().int(), overdueCount: z.number().int() }),
  }),
  'reviews.closeRectification': defineMethod({
    summary: 'A supervisor closes a rectification with a note and the follow-up call result (回访)',
    roles: ['supervisor'],
    input: z.object({ id: text(80).min(1), note: text(1000).min(1), followUpResult: z.enum(FOLLOW_UP_RESULTS) }).strict(),
    output: RectificationView,
  }),
};
