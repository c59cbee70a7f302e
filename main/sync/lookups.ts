import type { Kysely } from 'kysely';
import type { CreditResponse, Licence } from '../../common/sync/api';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { DB } from '../db/schema';
import { CentralError, type CentralClient } from './central-client';

export interface LicenceAnswer {
  checked: boolean;
  licences: Licence[];
  checkedAt: string | null;
  /** What the screen shows when not checked. */
  message: string | null;
  queued: boolean;
}

export interface CreditAnswer {
  checked: boolean;
  hit: boolean | null;
  records: CreditResponse['records'];
  checkedAt: string | null;
  message: string | null;
  queued: boolean;
}

export const NOT_CHECKED = '未核验——联网后将自动核验';

type SubjectType = 'person' | 'enterprise';

/**
 * Licence and credit look-ups: online with a short timeout; offline (or unenrolled) they answer
 * "not checked", queue a re-check for the next sync, and never block the clerk.
 */
export class Lookups {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly client: () => CentralClient | null,
    private readonly pii: PiiCipher | null,
    private readonly timeoutMs = 5_000,
  ) {}

  async licences(holderId: string, caseId?: string): Promise<LicenceAnswer> {
    const c = this.client();
    try {
      if (!c) throw new CentralError('offline', '本窗口尚未注册到中心平台。');
      const r = await c.call('licences', { query: { holderId }, timeoutMs: this.timeoutMs });
      return { checked: true, licences: r.licences, checkedAt: r.serverTime, message: null, queued: false };
    } catch (err) {
      if (!(err instanceof CentralError)) throw err;
      await this.queue('licences', holderId, 'person', caseId);
      return { checked: false, licences: [], checkedAt: null, message: `${NOT_CHECKED}（${err.message}）`, queued: true };
    }
  }

  async credit(subject: string, subjectType: SubjectType, caseId?: string): Promise<CreditAnswer> {
    const c = this.client();
    try {
      if (!c) throw new CentralError('offline', '本窗口尚未注册到中心平台。');
      const r = await c.call('credit', { query: { subject, subjectType }, timeoutMs: this.timeoutMs });
      if (caseId) await this.flagCase(caseId, r.hit);
      return { checked: true, hit: r.hit, records: r.records, checkedAt: r.serverTime, message: null, queued: false };
    } catch (err) {
      if (!(err instanceof CentralError)) throw err;
      await this.queue('credit', subject, subjectType, caseId);
      return { checked: false, hit: null, records: [], checkedAt: null, message: `${NOT_CHECKED}（${err.message}）`, queued: true };
    }
  }

  /** Runs queued re-checks; stops at the first network failure (the rest wait for the next sync). */
  async recheckQueued(limit = 50): Promise<number> {
    const c = this.client();
    if (!c) return 0;
    const rows = await this.db.selectFrom('sync_lookup').selectAll().where('state', '=', 'pending').orderBy('id').limit(limit).execute();
    let done = 0;
    for (const row of rows) {
      let result: unknown;
      const subject = this.pii ? this.pii.open(row.subject) : row.subject;
      try {
        if (row.kind === 'credit') {
          const r = await c.call('credit', { query: { subject, subjectType: row.subject_type }, timeoutMs: this.timeoutMs });
          if (row.case_id) await this.flagCase(row.case_id, r.hit);
          result = { hit: r.hit, records: r.records };
        } else {
          result = { licences: (await c.call('licences', { query: { holderId: subject }, timeoutMs: this.timeoutMs })).licences };
        }
      } catch (err) {
        if (err instanceof CentralError && err.retryable) break;
        throw err;
      }
      await this.db
        .updateTable('sync_lookup')
        .set({ state: 'done', checked_at: new Date().toISOString(), result: JSON.stringify(result) })
        .where('id', '=', row.id)
        .execute();
      done++;
    }
    return done;
  }

  async queuedCount(): Promise<number> {
    const r = await this.db.selectFrom('sync_lookup').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'pending').executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  private async queue(kind: 'licences' | 'credit', subject: string, subjectType: SubjectType, caseId?: string): Promise<void> {
    const hash = this.pii ? this.pii.lookupHash(subject) : subject;
    const open = await this.db
      .selectFrom('sync_lookup')
      .select('id')
      .where('state', '=', 'pending')
      .where('kind', '=', kind)
      .where('subject_hash', '=', hash)
      .where('case_id', caseId ? '=' : 'is', caseId ?? null)
      .executeTakeFirst();
    if (open) return;
    await this.db
      .insertInto('sync_lookup')
      .values({ kind, subject: this.pii ? this.pii.seal(subject) : subject, subject_hash: hash, subject_type: subjectType, case_id: caseId ?? null, created_at: new Date().toISOString(), checked_at: null, result: null })
      .execute();
  }

  /** A hit flags the case for the clerk and supervisor; a clear answer never un-flags one. */
  private async flagCase(caseId: string, hit: boolean): Promise<void> {
    const q = this.db.updateTable('intake_case').set({ credit_check: hit ? 'flagged' : 'clear' }).where('id', '=', caseId);
    await (hit ? q : q.where('credit_check', '=', 'not_checked')).execute();
  }
}
