import { STAGE_LABELS, type HandoverStage } from '../../common/domain/case-result';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CaseDetail, CaseSummary } from '../../common/contract/cases';
import type { ApplicantView } from '../../common/contract/intake';
import { AppError } from '../../common/contract/errors';
import { CASE_STATUS_LABELS, MATERIAL_STATE_LABELS, type CaseStatus } from '../../common/domain/case-status';
import { hallDate } from '../../common/domain/hall-date';
import { checkIdNumber } from '../../common/domain/id-number';
import { parseCaseNumber } from '../../common/domain/scan-routing';
import { describeLimit, type LimitUnit } from '../../common/domain/item-types';
import { maskName } from '../../common/domain/mask';
import { ratingLabel } from '../../common/domain/rating';
import { checkUscc } from '../../common/domain/uscc';
import { appendAudit } from '../audit/chain';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { DB } from '../db/schema';
import { viewApplicant } from './applicant-codec';
import { viewAgent } from './agent';
import type { IntakeCaseTable } from '../db/migrations/003-intake.tables';
import { CASE_NUMBER_TAIL } from '../db/migrations/009-case-number-tail';

type CaseRow = Selectable<IntakeCaseTable>;

export interface ListQuery {
  today?: boolean;
  q?: string;
  status?: CaseStatus[];
  limit: number;
  cursor?: string;
}

/** Read side of cases: lists, detail, and the audited full view of the applicant. */
export class CaseQueries {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly pii: PiiCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The cases `list` pages through (today, status, search), before paging. */
  private filtered(query: Omit<ListQuery, 'limit' | 'cursor'>) {
    let qb = this.db.selectFrom('intake_case').selectAll();
    if (query.today) {
      // Hall midnight (UTC+8) as an instant.
      const start = new Date(`${hallDate(this.now())}T00:00:00+08:00`).toISOString();
      qb = qb.where('created_at', '>=', start);
    }
    if (query.status?.length) qb = qb.where('status', 'in', query.status);
    const q = query.q?.trim();
    if (q) {
      const upper = q.toUpperCase();
      const idNumber = upper.length === 18 && checkIdNumber(upper).valid;
      const uscc = checkUscc(upper).valid;
      const hash = this.pii.lookupHash(idNumber ? upper : q);
      // Every term is answered by an index, so SQLite unions index look-ups instead of reading
      // every case (rows are kilobytes of sealed data). Part of a case number is matched in the
      // case-number index alone, and only when the text could be one; the date and sequence people
      // type (`20261127-0001`, `20261127`) is a range in the tail index (migration 007).
      const number = parseCaseNumber(upper);
      const fragment = !number && !idNumber && !uscc && CASE_NUMBER_CHARS.test(upper);
      const tail = fragment && CASE_NUMBER_TAIL_PREFIX.test(upper) ? upper : null;
      qb = qb.where((eb) =>
        eb.or([
          ...(number ? [eb('case_number', '=', number.caseNumber)] : []),
          ...(tail ? [tailStartsWith(tail)] : []),
          ...(fragment && !tail
            ? [eb('intake_case.rowid' as 'intake_case.id', 'in', eb.selectFrom('intake_case as n').select('n.rowid' as 'n.id').where('n.case_number', 'like', `%${escapeLike(upper)}%`))]
            : []),
          eb('central_number', '=', q),
          eb('applicant_id_hash', '=', hash),
          eb('legal_rep_id_hash', '=', hash),
          eb('applicant_name_hash', '=', this.pii.lookupHash(q)),
          ...(uscc ? [eb('uscc', '=', upper)] : []),
        ]),
      );
    }
    return qb;
  }

  async list(query: ListQuery): Promise<{ cases: CaseSummary[]; nextCursor: string | null }> {
    const rows = await this.listQuery(query).execute();
    const page = rows.slice(0, query.limit);
    const extras = await this.extras(page.map((r) => r.id));
    const last = page.at(-1);
    return {
      cases: page.map((r) => this.summary(r, extras)),
      nextCursor: rows.length > query.limit && last ? `${last.created_at}|${last.id}` : null,
    };
  }

  /** The statement behind `list` (one row more than the page, to know whether another follows). */
  listQuery(query: ListQuery) {
    let qb = this.filtered(query);
    if (query.cursor) {
      const [at, id] = query.cursor.split('|');
      if (at && id) qb = qb.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
    }
    return qb.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1);
  }

  /** How many cases `list` would page through in all (the CLI says so when its limit cuts the list). */
  async count(query: Omit<ListQuery, 'limit' | 'cursor'>): Promise<number> {
    const r = await this.filtered(query).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  private async extras(ids: string[]) {
    if (ids.length === 0) return { sync: new Map(), deferred: new Map(), ratings: new Map() } as Extras;
    const outbox = await this.db
      .selectFrom('outbox')
      .select(['aggregate_id', 'state', 'last_error', 'done_at'])
      .where('aggregate_id', 'in', ids)
      .orderBy('seq')
      .execute();
    const deferred = await this.db
      .selectFrom('case_material')
      .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('case_id', 'in', ids)
      .where('state', '=', 'deferred')
      .groupBy('case_id')
      .execute();
    const ratings = await this.db.selectFrom('rating').select(['case_id', 'level']).where('case_id', 'in', ids).execute();
    const sync = new Map<string, CaseSummary['sync']>();
    for (const o of outbox) {
      const s = sync.get(o.aggregate_id) ?? { state: 'synced', pending: 0, lastError: null, syncedAt: null };
      if (o.state === 'pending') {
        s.pending++;
        if (s.state !== 'parked') s.state = 'pending';
      } else if (o.state === 'parked') s.state = 'parked';
      else s.syncedAt = o.done_at;
      s.lastError = o.last_error ?? s.lastError;
      sync.set(o.aggregate_id, s);
    }
    return {
      sync,
      deferred: new Map(deferred.map((d) => [d.case_id, Number(d.n)])),
      ratings: new Map(ratings.map((r) => [r.case_id, r.level])),
    } as Extras;
  }

  private summary(r: CaseRow, x: Extras): CaseSummary {
    let name: string | null = null;
    if (r.applicant_name_sealed) {
      const clear = this.pii.open(r.applicant_name_sealed);
      name = r.applicant_kind === 'enterprise' ? clear : clear ? maskName(clear) : '';
    }
    return {
      id: r.id,
      caseNumber: r.case_number,
      centralNumber: r.central_number,
      status: r.status,
      statusLabel: CASE_STATUS_LABELS[r.status],
      centralStatus: r.central_status,
      itemCode: r.item_code,
      itemName: r.item_name,
      applicantKind: r.applicant_kind,
      applicantName: name,
      createdAt: r.created_at,
      acceptedAt: r.accepted_at,
      decidedAt: r.decided_at,
      promisedDate: r.promised_date,
      promisedProvisional: r.promised_provisional === 1,
      deferredOutstanding: x.deferred.get(r.id) ?? 0,
      ratingLevel: x.ratings.get(r.id) ?? null,
      sync: x.sync.get(r.id) ?? { state: 'local', pending: 0, lastError: null, syncedAt: null },
    };
  }

  async findRow(ref: { id: string } | { caseNumber: string }): Promise<CaseRow> {
    const row =
      'id' in ref
        ? await this.db.selectFrom('intake_case').selectAll().where('id', '=', ref.id).executeTakeFirst()
        : await this.db
            .selectFrom('intake_case')
            .selectAll()
            .where((eb) => eb.or([eb('case_number', '=', ref.caseNumber.trim().toUpperCase()), eb('case_number', '=', ref.caseNumber.trim()), eb('central_number', '=', ref.caseNumber.trim())]))
            .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', '找不到该办件，请核对办件号。');
    return row;
  }

  async get(ref: { id: string } | { caseNumber: string }): Promise<CaseDetail> {
    const r = await this.findRow(ref);
    const extras = await this.extras([r.id]);
    const materials = await this.db.selectFrom('case_material').selectAll().where('case_id', '=', r.id).orderBy('sort').execute();
    const history = await this.db.selectFrom('case_history').selectAll().where('case_id', '=', r.id).orderBy('seq').execute();
    const outbox = await this.db.selectFrom('outbox').selectAll().where('aggregate_id', '=', r.id).orderBy('seq').execute();
    const rating = await this.db.selectFrom('rating').selectAll().where('case_id', '=', r.id).executeTakeFirst();
    const agent = await this.db.selectFrom('case_agent').selectAll().where('case_id', '=', r.id).executeTakeFirst();
    return {
      ...this.summary(r, extras),
      applicant: viewApplicant(this.pii, r, false),
      agent: agent ? viewAgent(this.pii, agent, false) : null,
      hallCode: r.hall_code,
      windowCode: r.window_code,
      clerk: { id: r.clerk_id, name: r.clerk_name },
      bundleId: r.bundle_id,
      bundleGroupId: r.bundle_group_id,
      rejectReason: r.reject_reason,
      withdrawReason: r.withdraw_reason,
      note: r.note,
      promisedLimitText: describeLimit({ value: r.promised_limit_value, unit: r.promised_limit_unit as LimitUnit }),
      creditCheck: r.credit_check,
      materials: materials.map((m) => ({
        code: m.code,
        name: m.name,
        required: m.required === 1,
        state: m.state,
        stateLabel: MATERIAL_STATE_LABELS[m.state],
        originals: m.originals,
        copies: m.copies,
        licenceId: m.licence_id,
        deadline: m.deadline,
        deadlineProvisional: m.deadline_provisional === 1,
        commitmentNote: m.commitment_note,
        suppliedAt: m.supplied_at,
      })),
      deferred: materials
        .filter((m) => m.deadline && (m.state === 'deferred' || m.state === 'supplied'))
        .map((m) => ({ code: m.code, name: m.name, deadline: m.deadline!, deadlineProvisional: m.deadline_provisional === 1, commitmentNote: m.commitment_note })),
      history: history.map((h) => ({
        at: h.at,
        source: h.source,
        status: h.status,
        label: h.source === 'window' ? (CASE_STATUS_LABELS[h.status as CaseStatus] ?? STAGE_LABELS[h.status as HandoverStage] ?? h.status) : h.status,
        detail: h.detail,
      })),
      outbox: outbox.map((o) => ({ kind: o.kind, state: o.state, attempts: o.attempts, createdAt: o.created_at, doneAt: o.done_at, lastError: o.last_error })),
      rating: rating
        ? { level: rating.level, label: ratingLabel(rating.level), reasons: JSON.parse(rating.reasons) as string[], text: rating.text, channel: rating.channel, at: rating.at }
        : null,
    };
  }

  /** The applicant in clear, with an audit entry naming who looked and why. */
  async reveal(id: string, reason: string, actor: string): Promise<ApplicantView> {
    const r = await this.findRow({ id });
    const view = viewApplicant(this.pii, r, true);
    if (!view) throw new AppError('NOT_FOUND', '该办件没有申请人信息。');
    await this.db.transaction().execute((trx) => appendAudit(trx, { actor, action: 'pii.view', subject: id, detail: { caseNumber: r.case_number, reason } }));
    return view;
  }

  /** Earlier cases of one person or enterprise at this window (by keyed hash). */
  async history(idNumberOrUscc: string): Promise<{ caseCount: number; lastCaseAt: string | null }> {
    const v = idNumberOrUscc.trim().toUpperCase();
    const hash = this.pii.lookupHash(v);
    const row = await this.db
      .selectFrom('intake_case')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('created_at').as('last')])
      .where((eb) => eb.or([eb('applicant_id_hash', '=', hash), eb('legal_rep_id_hash', '=', hash), eb('uscc', '=', v)]))
      .where('status', '!=', 'draft')
      .executeTakeFirstOrThrow();
    return { caseCount: Number(row.n), lastCaseAt: row.last ?? null };
  }
}

interface Extras {
  sync: Map<string, CaseSummary['sync']>;
  deferred: Map<string, number>;
  ratings: Map<string, number>;
}

/** What a local case number is made of (`HK01-W03-20261127-0001`). */
const CASE_NUMBER_CHARS = /^[A-Z0-9-]+$/;

/**
 * The start of a case number's date and sequence: the full date, then optionally the hyphen and
 * part of the sequence. Such text only occurs there (a sequence is 4–5 digits; hall and window codes
 * like HK01 and W03 have no hyphen, and none is eight digits), so a range in the tail index gives
 * what `like '%…%'` gave.
 */
const CASE_NUMBER_TAIL_PREFIX = /^\d{8}(-\d{0,5})?$/;

/** Tails starting with `prefix`: digits and '-' all sort below ':', so [prefix, prefix + ':') holds them. */
function tailStartsWith(prefix: string) {
  const tail = sql.raw(CASE_NUMBER_TAIL);
  return sql<boolean>`(${tail} >= ${prefix} and ${tail} < ${`${prefix}:`})`;
}

function escapeLike(s: string): string {
  return s.replace(/[%_]/g, '');
}

