import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allMigrations, tempDir } from '../auth/testing';
import { verifyAuditChain } from '../audit/verify';
import { openDatabase, type Database } from '../db/database';
import { purgeCandidates, purgeExpiredPii } from './purge';

let database: Database;
let dir: string;
beforeEach(async () => {
  dir = tempDir('yc-retention-');
  database = await openDatabase(dir, { migrations: allMigrations() });
});
afterEach(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

async function addCase(id: string, o: { status?: string; central?: string | null; updated: number; outbox: Array<{ state: 'pending' | 'parked' | 'done'; doneDaysAgo?: number }> }) {
  await database.db
    .insertInto('intake_case')
    .values({
      id,
      case_number: `N-${id}`,
      central_number: null,
      status: (o.status ?? 'accepted') as 'accepted',
      central_status: o.central ?? null,
      item_code: 'X1',
      item_name: '事项',
      promised_limit_value: 5,
      promised_limit_unit: 'workday',
      bundle_id: null,
      bundle_group_id: null,
      hall_code: 'H',
      window_code: 'W',
      clerk_id: 'zhangsan',
      clerk_name: '张三',
      applicant_kind: 'person',
      applicant_id_type: 'resident',
      applicant_name_sealed: 'v1.aes256gcm.name',
      applicant_name_hash: 'h1',
      applicant_id_sealed: 'v1.aes256gcm.id',
      applicant_id_hash: 'h2',
      applicant_phone_sealed: 'v1.aes256gcm.phone',
      applicant_address_sealed: null,
      uscc: null,
      legal_rep_name_sealed: null,
      legal_rep_id_sealed: null,
      legal_rep_id_hash: null,
      created_at: daysAgo(o.updated + 1),
      updated_at: daysAgo(o.updated),
      accepted_at: daysAgo(o.updated + 1),
      decided_at: null,
      promised_date: null,
      reject_reason: null,
      withdraw_reason: null,
      commitment_note: null,
      note: null,
      catalog_version: 1,
    } as never)
    .execute();
  for (const [i, ob] of o.outbox.entries())
    await database.db
      .insertInto('outbox')
      .values({
        id: `${id}-${i}`,
        kind: 'case',
        aggregate_id: id,
        payload: JSON.stringify({ event: 'accepted', case: { id }, applicantSealed: 'v1.aes256gcm.blob', ...(i === 0 && { agentSealed: 'v1.aes256gcm.agent' }) }),
        created_at: daysAgo(o.updated),
        state: ob.state,
        done_at: ob.doneDaysAgo === undefined ? null : daysAgo(ob.doneDaysAgo),
        last_error: null,
        parked_reason: null,
        central_result: null,
      })
      .execute();
}

const piiOf = async (id: string) =>
  database.db.selectFrom('intake_case').select(['applicant_name_sealed', 'applicant_id_sealed', 'applicant_id_hash', 'applicant_phone_sealed', 'case_number', 'status']).where('id', '=', id).executeTakeFirstOrThrow();

describe('retention purge', () => {
  it('walks only the cases still holding applicant data (the partial index of migration 017), oldest change first, not every case', async () => {
    const q = purgeCandidates(database.db, daysAgo(30), 500).compile();
    const plan = await new Promise<Array<{ detail: string }>>((resolve, reject) =>
      database.raw.all(`explain query plan ${q.sql}`, q.parameters as unknown[], (err, rows) => (err ? reject(err) : resolve(rows as Array<{ detail: string }>))),
    );
    const text = plan.map((r) => r.detail).join(' | ');
    expect(text).toMatch(/SEARCH c USING INDEX intake_case_pii_held \(updated_at<\?\)/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });

  it('purges completed, fully acknowledged cases after N days and keeps the case shell', async () => {
    await addCase('done-old', { central: 'completed_approved', updated: 40, outbox: [{ state: 'done', doneDaysAgo: 39 }, { state: 'done', doneDaysAgo: 35 }] });
    await addCase('rejected-old', { status: 'rejected', updated: 31, outbox: [{ state: 'done', doneDaysAgo: 31 }] });
    const agent = { relation: 'proxy', cert_type: '111', name_sealed: 'n', name_hash: 'nh', id_sealed: 'i', id_hash: 'ih', phone_sealed: null };
    await database.db.insertInto('case_agent').values({ case_id: 'done-old', ...agent }).execute();
    const { purged } = await purgeExpiredPii(database.db, { days: 30, now: NOW });
    expect(await database.db.selectFrom('case_agent').selectAll().execute()).toEqual([]);
    expect(purged.sort()).toEqual(['done-old', 'rejected-old']);
    expect(await piiOf('done-old')).toEqual({ applicant_name_sealed: null, applicant_id_sealed: null, applicant_id_hash: null, applicant_phone_sealed: null, case_number: 'N-done-old', status: 'accepted' });
    const payloads = await database.db.selectFrom('outbox').select('payload').where('aggregate_id', '=', 'done-old').execute();
    for (const p of payloads) expect(JSON.parse(p.payload)).toMatchObject({ applicantSealed: null, case: { id: 'done-old' } });
    expect(payloads.map((p) => JSON.parse(p.payload).agentSealed)).toEqual([null, undefined]);
    expect(await database.db.selectFrom('retention_purge').select('case_id').orderBy('case_id').execute()).toHaveLength(2);
    const audit = await database.db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => a.action)).toEqual(['retention.purge']);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ count: 2, days: 30 });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    // A second run finds nothing more.
    expect((await purgeExpiredPii(database.db, { days: 30, now: NOW })).purged).toEqual([]);
  });

  it('never purges what the central side has not acknowledged, what is not finished, or what is too recent', async () => {
    await addCase('pending', { central: 'completed_approved', updated: 90, outbox: [{ state: 'done', doneDaysAgo: 89 }, { state: 'pending' }] });
    await addCase('parked', { status: 'rejected', updated: 90, outbox: [{ state: 'parked' }] });
    await addCase('no-outbox', { status: 'withdrawn', updated: 90, outbox: [] });
    await addCase('in-progress', { central: 'in_progress', updated: 90, outbox: [{ state: 'done', doneDaysAgo: 89 }] });
    await addCase('accepted-only', { updated: 90, outbox: [{ state: 'done', doneDaysAgo: 89 }] });
    await addCase('recent', { central: 'completed_not_approved', updated: 10, outbox: [{ state: 'done', doneDaysAgo: 10 }] });
    await addCase('recent-ack', { central: 'completed_approved', updated: 60, outbox: [{ state: 'done', doneDaysAgo: 5 }] });
    const { purged } = await purgeExpiredPii(database.db, { days: 30, now: NOW });
    expect(purged).toEqual([]);
    for (const id of ['pending', 'parked', 'no-outbox', 'in-progress', 'accepted-only', 'recent', 'recent-ack'])
      expect((await piiOf(id)).applicant_id_sealed).not.toBeNull();
    expect(await database.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });
});
