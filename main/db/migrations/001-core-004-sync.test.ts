import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../platform/db/migrator';
import { upgradeFolder } from './testing';

// One test per migration, from the previous version with data: 002 and 003 in catalog-intake.test.ts, 005 in 005-staff.test.ts.
const folder = upgradeFolder('yc-m001-004-');

describe('migration 001 (meta, outbox, audit log)', () => {
  it('turns a version-0 file into version 1, and reopening at version 1 keeps what was written', async () => {
    let d = await folder.open(0);
    expect(await schemaVersion(d.db)).toBe(0);
    d = await folder.open(1);
    expect(await schemaVersion(d.db)).toBe(1);
    await d.db.insertInto('meta').values({ key: 'keep', value: 'me' }).execute();
    await d.db.insertInto('outbox').values({ id: 'o1', kind: 'case.accepted', aggregate_id: 'c1', payload: '{}', created_at: 'now', last_error: null, parked_reason: null, done_at: null, central_result: null }).execute();
    d = await folder.open(1);
    expect((await d.db.selectFrom('meta').select('value').where('key', '=', 'keep').executeTakeFirstOrThrow()).value).toBe('me');
    expect(await d.db.selectFrom('outbox').select(['id', 'state', 'attempts']).execute()).toEqual([{ id: 'o1', state: 'pending', attempts: 0 }]);
  });
});

describe('migration 004 (central catalog, look-ups, parked view)', () => {
  it('upgrades a version-3 database with outbox rows, keeping them and showing the parked ones in the view', async () => {
    let d = await folder.open(3);
    expect(await schemaVersion(d.db)).toBe(3);
    await d.db.insertInto('meta').values({ key: 'sync.cursor', value: '42' }).execute();
    for (const [id, state] of [['o1', 'pending'], ['o2', 'parked']] as const)
      await d.db.insertInto('outbox').values({ id, kind: 'case.accepted', aggregate_id: 'c1', payload: '{}', created_at: 'now', state, last_error: null, parked_reason: state === 'parked' ? 'bad' : null, done_at: null, central_result: null }).execute();
    d = await folder.open(4);
    expect(await schemaVersion(d.db)).toBe(4);
    expect((await d.db.selectFrom('meta').select('value').where('key', '=', 'sync.cursor').executeTakeFirstOrThrow()).value).toBe('42');
    expect((await d.db.selectFrom('outbox').select('id').orderBy('seq').execute()).map((r) => r.id)).toEqual(['o1', 'o2']);
    const parked = await sql<{ id: string; parked_reason: string }>`select id, parked_reason from outbox_parked`.execute(d.db);
    expect(parked.rows).toEqual([{ id: 'o2', parked_reason: 'bad' }]);
    await d.db.insertInto('sync_lookup').values({ kind: 'credit', subject: 's', subject_hash: 'h', subject_type: 'person', case_id: null, created_at: 'now', checked_at: null, result: null }).execute();
    await expect(
      d.db.insertInto('sync_lookup').values({ kind: 'bogus' as 'credit', subject: 's', subject_hash: 'h', subject_type: 'person', case_id: null, created_at: 'now', checked_at: null, result: null }).execute(),
    ).rejects.toThrow(/CHECK/);
  });
});
