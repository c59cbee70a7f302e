import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { RectificationView } from '../../common/contract/reviews';
import { AppError } from '../../common/contract/errors';
import { hallDate } from '../../common/domain/hall-date';
import { isBadRating, ratingLabel, type FollowUpResult, type RatingChannel } from '../../common/domain/rating';
import { appendAudit } from '../audit/chain';
import type { CalendarService } from '../catalog/calendar-service';
import { enqueueOutbox } from '../db/outbox';
import type { DB } from '../db/schema';
import { readIntakeConfig } from '../intake/intake-config';
import { ticketOfCase } from '../queue/ticket-store';
import type { RectificationTable } from '../db/migrations/003-intake.reviews.tables';

export interface RateInput {
  caseId: string;
  level: number;
  reasons: string[];
  text?: string;
  channel: RatingChannel;
}

/**
 * 好差评: one rating per case, written with its outbox row; a bad rating (4–5) opens a rectification
 * task in the same transaction, due in N working days (local rule, default 5). A supervisor closes
 * it with a note and the follow-up call result, again with an outbox row.
 */
export class ReviewsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly calendar: CalendarService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async rate(input: RateInput, actorId: string) {
    const at = this.now();
    const atIso = at.toISOString();
    const config = await readIntakeConfig(this.db);
    return this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('intake_case').select(['id', 'case_number', 'status']).where('id', '=', input.caseId).executeTakeFirst();
      if (!c) throw new AppError('NOT_FOUND', '找不到要评价的办件。');
      if (c.status === 'draft') throw new AppError('CONFLICT', '草稿办件不能评价，请先受理或不予受理。');
      const already = await trx.selectFrom('rating').select('id').where('case_id', '=', c.id).executeTakeFirst();
      if (already) throw new AppError('CONFLICT', '该办件本次已评价（一次一评）。');
      const ratingId = uuidv7();
      const rating = {
        id: ratingId,
        case_id: c.id,
        level: input.level,
        reasons: JSON.stringify(input.reasons),
        text: input.text ?? null,
        channel: input.channel,
        at: atIso,
        clerk_id: actorId,
      };
      await trx.insertInto('rating').values(rating).execute();
      const ticket = await ticketOfCase(trx, c.id);
      await appendAudit(trx, { actor: actorId, action: 'rating.create', subject: c.id, detail: { ratingId, level: input.level, channel: input.channel } });
      await enqueueOutbox(trx, {
        kind: 'rating.created',
        aggregateId: c.id,
        id: ratingId,
        payload: {
          id: ratingId,
          caseId: c.id,
          caseNumber: c.case_number,
          level: input.level,
          reasons: input.reasons,
          text: rating.text,
          channel: input.channel,
          at: atIso,
          ticketNumber: ticket?.number ?? null,
        },
      });
      if (!isBadRating(input.level)) return { ratingId, rectification: null };
      const due = this.calendar.calendar.addWorkdays(hallDate(at), config.rectificationWorkdays);
      const rect = {
        id: uuidv7(),
        rating_id: ratingId,
        case_id: c.id,
        opened_at: atIso,
        deadline: due.date,
        deadline_provisional: due.provisional ? 1 : 0,
        state: 'open' as const,
        closed_at: null,
        closed_by: null,
        note: null,
        follow_up_result: null,
      };
      await trx.insertInto('rectification').values(rect).execute();
      await appendAudit(trx, { actor: actorId, action: 'rectification.open', subject: rect.id, detail: { caseId: c.id, deadline: due.date } });
      await enqueueOutbox(trx, { kind: 'rectification.opened', aggregateId: c.id, payload: { ...rectPayload(rect), state: 'open', closedAt: null, closedBy: null, note: null, followUpResult: null } });
      return { ratingId, rectification: { id: rect.id, deadline: due.date, deadlineProvisional: due.provisional } };
    });
  }

  async list(filter: { state?: 'open' | 'closed' | 'overdue'; limit: number }) {
    const today = hallDate(this.now());
    let qb = this.query();
    if (filter.state === 'open') qb = qb.where('r.state', '=', 'open');
    if (filter.state === 'closed') qb = qb.where('r.state', '=', 'closed');
    if (filter.state === 'overdue') qb = qb.where('r.state', '=', 'open').where('r.deadline', '<', today);
    const rows = await qb.orderBy('r.state', 'desc').orderBy('r.deadline').limit(filter.limit).execute();
    const counts = await this.db
      .selectFrom('rectification')
      .select([
        (eb) => eb.fn.countAll<number>().as('open'),
        (eb) => eb.fn.sum<number>(eb.case().when('deadline', '<', today).then(1).else(0).end()).as('overdue'),
      ])
      .where('state', '=', 'open')
      .executeTakeFirstOrThrow();
    return { items: rows.map((r) => this.view(r, today)), openCount: Number(counts.open), overdueCount: Number(counts.overdue ?? 0) };
  }

  async close(input: { id: string; note: string; followUpResult: FollowUpResult }, actorId: string): Promise<RectificationView> {
    const atIso = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const r = await trx.selectFrom('rectification').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND', '找不到该整改任务。');
      if (r.state === 'closed') throw new AppError('CONFLICT', '该整改任务已经办结。');
      const closed = { state: 'closed' as const, closed_at: atIso, closed_by: actorId, note: input.note, follow_up_result: input.followUpResult };
      await trx.updateTable('rectification').set(closed).where('id', '=', r.id).execute();
      await appendAudit(trx, { actor: actorId, action: 'rectification.close', subject: r.id, detail: { caseId: r.case_id, followUpResult: input.followUpResult } });
      await enqueueOutbox(trx, { kind: 'rectification.closed', aggregateId: r.case_id, payload: { ...rectPayload(r), state: 'closed', closedAt: atIso, closedBy: actorId, note: input.note, followUpResult: input.followUpResult } });
    });
    const row = await this.query().where('r.id', '=', input.id).executeTakeFirstOrThrow();
    return this.view(row, hallDate(this.now()));
  }

  private query() {
    return this.db
      .selectFrom('rectification as r')
      .innerJoin('rating as g', 'g.id', 'r.rating_id')
      .innerJoin('intake_case as c', 'c.id', 'r.case_id')
      .selectAll('r')
      .select(['g.level', 'g.reasons', 'g.text', 'c.case_number', 'c.item_name']);
  }

  private view(
    r: Selectable<RectificationTable> & { level: number; reasons: string; text: string | null; case_number: string | null; item_name: string },
    today: string,
  ): RectificationView {
    return {
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      itemName: r.item_name,
      ratingId: r.rating_id,
      level: r.level,
      levelLabel: ratingLabel(r.level),
      reasons: JSON.parse(r.reasons) as string[],
      text: r.text,
      openedAt: r.opened_at,
      deadline: r.deadline,
      deadlineProvisional: r.deadline_provisional === 1,
      state: r.state,
      overdue: r.state === 'open' && r.deadline < today,
      closedAt: r.closed_at,
      closedBy: r.closed_by,
      note: r.note,
      followUpResult: r.follow_up_result as FollowUpResult | null,
    };
  }
}

/** What a rectification entry says in either state; the state's own fields are added by the writer. */
function rectPayload(r: Pick<Selectable<RectificationTable>, 'id' | 'rating_id' | 'case_id' | 'opened_at' | 'deadline'>) {
  return { id: r.id, ratingId: r.rating_id, caseId: r.case_id, openedAt: r.opened_at, deadline: r.deadline };
}
