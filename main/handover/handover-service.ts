import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { HandoverCase, HandoverListRow, IdentityCheck } from '../../common/contract/handover';
import { AppError } from '../../common/contract/errors';
import type { HallHandoverResponse } from '../../common/sync/api';
import type { Collector, DeliveryMethod } from '../../common/domain/case-result';
import { appendAudit } from '../audit/chain';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { CaseHandoverTable } from '../db/migrations/015-handover.tables';
import { enqueueOutbox } from '../db/outbox';
import type { DB } from '../db/schema';
import type { CardTokens } from '../intake/card-tokens';
import type { Actor } from '../intake/decision-types';
import { checkIdentity, presentedPerson, type PresentedPerson } from './identity';
import { applicantNameOf, handoverCaseView, listRow, stageOf } from './views';

export interface HandoverDeps {
  db: Kysely<DB>;
  pii: PiiCipher;
  cards: CardTokens;
  /** Name of a catalog item by code (hall rows of other windows carry only the code). */
  itemName: (code: string) => string | null;
  now?: () => Date;
}

type CaseRef = { caseId: string } | { caseNumber: string };
type PersonInput = { cardToken?: string; idNumber?: string };

/**
 * 出件 at the window: the result pulled from the central platform, the identity check of whoever
 * comes to collect it, and the one handover of each case (collected or posted), written with its
 * history, audit entry and outbox row in one transaction.
 */
export class HandoverService {
  private readonly now: () => Date;
  constructor(private readonly d: HandoverDeps) {
    this.now = d.now ?? (() => new Date());
  }

  async find(ref: CaseRef): Promise<HandoverCase> {
    return this.view(this.d.db, await this.caseIdOf(ref));
  }

  async identify(caseId: string, person: PersonInput): Promise<IdentityCheck> {
    const p = this.person(person);
    if (!p) throw new AppError('INVALID_INPUT', '请读取领取人的身份证，或输入其证件号码。');
    return checkIdentity(this.d.db, caseId, p);
  }

  /** 已领取 at the window: the card must be the applicant's or the agent's, unless the clerk lets someone else collect it with a reason. */
  async confirm(input: { caseId: string; overrideReason?: string } & PersonInput, actor: Actor): Promise<HandoverCase> {
    const reason = input.overrideReason?.trim() || null;
    if (input.overrideReason !== undefined && (!reason || reason.length < 4))
      throw new AppError('INVALID_INPUT', '核准代领请写明理由（至少 4 个字），例如“委托领取，已核对授权委托书原件和代领人身份证”。');
    const p = this.person(input);
    if (!p && !reason) throw new AppError('INVALID_INPUT', '请先读取领取人的身份证（或输入证件号码）再确认领取。');
    let collector: Collector = 'override';
    if (!reason) {
      const check = await checkIdentity(this.d.db, input.caseId, p!);
      if (!check.match) throw new AppError('FORBIDDEN', check.message);
      collector = check.match;
    }
    return this.handOver(input.caseId, actor, { method: 'window', collector, override_reason: reason, collector_id_hash: p?.idHash ?? null, carrier: null, tracking_number: null });
  }

  /** 邮寄: the result leaves by post with a carrier and a tracking number. */
  async post(input: { caseId: string; carrier: string; trackingNumber: string }, actor: Actor): Promise<HandoverCase> {
    const carrier = input.carrier.trim();
    const tracking = input.trackingNumber.trim().toUpperCase();
    if (!carrier) throw new AppError('INVALID_INPUT', '请填写快递公司，例如“中国邮政 EMS”。');
    if (!/^[0-9A-Z-]{6,40}$/.test(tracking)) throw new AppError('INVALID_INPUT', '运单号应为 6–40 位字母或数字，请核对快递面单。');
    return this.handOver(input.caseId, actor, { method: 'post', collector: null, override_reason: null, collector_id_hash: null, carrier, tracking_number: tracking });
  }

  /** 待领取 of this window: ready results not handed over, oldest first. */
  async list(filter: { q?: string; minDays?: number } = {}, limit = 500): Promise<{ rows: HandoverListRow[]; more: boolean }> {
    const now = this.now();
    let q = this.d.db
      .selectFrom('case_result as r')
      .innerJoin('intake_case as c', 'c.id', 'r.case_id')
      .leftJoin('case_handover as h', 'h.case_id', 'r.case_id')
      .select(['c.id', 'c.case_number', 'c.window_code', 'c.item_name', 'c.applicant_kind', 'c.applicant_name_sealed', 'r.outcome', 'r.items', 'r.delivery', 'r.ready_at'])
      .where('r.ready', '=', 1)
      .where('h.case_id', 'is', null)
      .orderBy('r.ready_at')
      .limit(limit + 1);
    if (filter.q?.trim()) q = q.where('c.case_number', 'like', `%${filter.q.trim().toUpperCase().replace(/[%_]/g, '')}%`);
    if (filter.minDays) q = q.where('r.ready_at', '<=', new Date(now.getTime() - filter.minDays * 86_400_000).toISOString());
    const rows = await q.execute();
    return {
      more: rows.length > limit,
      rows: rows.slice(0, limit).map((r) =>
        listRow(
          { case_id: r.id, case_number: r.case_number, window: r.window_code, item_name: r.item_name, applicant_name: applicantNameOf(this.d.pii, r), outcome: r.outcome, items: JSON.parse(r.items), delivery: r.delivery, ready_at: r.ready_at! },
          now,
        ),
      ),
    };
  }

  /** The hall's 待领取 from the central platform; this window's own cases show their applicant masked. */
  async hallRows(page: HallHandoverResponse, filter: { q?: string; minDays?: number } = {}): Promise<{ rows: HandoverListRow[]; more: boolean }> {
    const now = this.now();
    const ids = page.cases.map((c) => c.caseId);
    const local = new Map(
      ids.length ? (await this.d.db.selectFrom('intake_case').select(['id', 'item_name', 'applicant_kind', 'applicant_name_sealed']).where('id', 'in', ids).execute()).map((r) => [r.id, r]) : [],
    );
    const q = filter.q?.trim().toUpperCase();
    const rows = page.cases
      .filter((c) => !q || (c.caseNumber ?? '').toUpperCase().includes(q))
      .map((c) => {
        const mine = local.get(c.caseId);
        return listRow(
          {
            case_id: mine ? c.caseId : null,
            case_number: c.caseNumber,
            window: c.window,
            item_name: mine?.item_name ?? (c.itemCode ? (this.d.itemName(c.itemCode) ?? c.itemCode) : '—'),
            applicant_name: mine ? applicantNameOf(this.d.pii, mine) : null,
            outcome: c.result.outcome,
            items: c.result.items,
            delivery: c.result.delivery,
            ready_at: c.readyAt,
          },
          now,
        );
      })
      .filter((r) => !filter.minDays || r.daysWaiting >= filter.minDays);
    return { rows, more: page.more };
  }

  private person(input: PersonInput): PresentedPerson | null {
    return presentedPerson(this.d.pii, this.d.cards, input);
  }

  private async caseIdOf(ref: CaseRef): Promise<string> {
    if ('caseId' in ref) return ref.caseId;
    const n = ref.caseNumber.trim();
    const row = await this.d.db
      .selectFrom('intake_case')
      .select('id')
      .where((eb) => eb.or([eb('case_number', '=', n.toUpperCase()), eb('case_number', '=', n), eb('central_number', '=', n)]))
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `本窗口没有办件号为 ${n.slice(0, 64)} 的办件：请核对通知书上的办件号；在其他窗口受理的办件请到受理窗口领取。`);
    return row.id;
  }

  private async view(db: Kysely<DB> | Transaction<DB>, caseId: string): Promise<HandoverCase> {
    const c = await db.selectFrom('intake_case').select(['id', 'case_number', 'item_name', 'applicant_kind', 'applicant_name_sealed', 'central_status']).where('id', '=', caseId).executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', '找不到该办件，请核对办件号。');
    const [result, handover, agent] = await Promise.all([
      db.selectFrom('case_result').selectAll().where('case_id', '=', caseId).executeTakeFirst(),
      db.selectFrom('case_handover').selectAll().where('case_id', '=', caseId).executeTakeFirst(),
      db.selectFrom('case_agent').select(['name_sealed', 'relation']).where('case_id', '=', caseId).executeTakeFirst(),
    ]);
    return handoverCaseView(this.d.pii, c, { result, handover, agent }, this.now());
  }

  private async handOver(caseId: string, actor: Actor, h: Omit<CaseHandoverTable, 'case_id' | 'id' | 'at' | 'clerk_id' | 'clerk_name'> & { method: DeliveryMethod }): Promise<HandoverCase> {
    const at = this.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('intake_case').select(['id', 'case_number']).where('id', '=', caseId).executeTakeFirst();
      if (!c?.case_number) throw new AppError('NOT_FOUND', '找不到该办件，请核对办件号。');
      const result = await trx.selectFrom('case_result').selectAll().where('case_id', '=', caseId).executeTakeFirst();
      const done = await trx.selectFrom('case_handover').selectAll().where('case_id', '=', caseId).executeTakeFirst();
      const stage = stageOf(result, done);
      if (done) throw new AppError('CONFLICT', `该办件已于 ${done.at.slice(0, 16).replace('T', ' ')} ${done.method === 'post' ? '邮寄' : '领取'}（${done.clerk_name}经办），不能重复出件。`);
      if (stage === 'no_result') throw new AppError('CONFLICT', '中心平台尚未反馈该办件的办理结果，暂不能出件：请先同步（运维 → 同步），或请申请人稍后再来。');
      if (stage === 'decided') throw new AppError('CONFLICT', '该办件已办结，但证照或决定书尚未制作完成（未到“已制证”），暂不能出件：请申请人等待领取通知。');
      const id = uuidv7();
      await trx.insertInto('case_handover').values({ case_id: caseId, id, at, clerk_id: actor.id, clerk_name: actor.name, ...h }).execute();
      const label = h.method === 'post' ? `邮寄：${h.carrier} ${h.tracking_number}` : h.collector === 'override' ? `核准代领：${h.override_reason}` : '';
      await trx.insertInto('case_history').values({ case_id: caseId, at, source: 'window', status: h.method === 'post' ? 'posted' : 'handed_over', detail: label || null }).execute();
      await appendAudit(trx, {
        actor: actor.id,
        action: h.method === 'post' ? 'case.post' : 'case.handover',
        subject: caseId,
        detail: { caseNumber: c.case_number, method: h.method, collector: h.collector, ...(h.override_reason && { overrideReason: h.override_reason }), ...(h.tracking_number && { carrier: h.carrier, trackingNumber: h.tracking_number }) },
      });
      await enqueueOutbox(trx, {
        kind: 'case.handedOver',
        id,
        aggregateId: caseId,
        payload: {
          caseId,
          caseNumber: c.case_number,
          method: h.method,
          collector: h.collector,
          overrideReason: h.override_reason,
          carrier: h.carrier,
          trackingNumber: h.tracking_number,
          clerkId: actor.id,
          at,
        },
      });
      return this.view(trx, caseId);
    });
  }
}

