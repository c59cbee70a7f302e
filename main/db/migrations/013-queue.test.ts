import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m013-');

describe('migration 013 (queue tickets)', () => {
  it('upgrades a version-12 database with a case: the case keeps its data as a walk-in, and at most one ticket is served at a time', async () => {
    let d = await folder.open(12);
    await sql`insert into intake_case (id, case_number, status, item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code,
      clerk_id, clerk_name, created_at, updated_at, catalog_version) values ('c1', 'HK01-W03-20261201-0001', 'accepted', 'X1', '事项', 3, 'workday',
      'HK01', 'W03', 'clerk01', '王小明', '2026-12-01T01:00:00Z', '2026-12-01T01:00:00Z', 1)`.execute(d.db);
    d = await folder.open();
    expect(await d.db.selectFrom('intake_case').select(['case_number', 'ticket_id']).executeTakeFirstOrThrow()).toEqual({ case_number: 'HK01-W03-20261201-0001', ticket_id: null });
    const t = { source: 'http' as const, source_id: 's1', number: 'A001', queue_code: 'A', window_code: 'W03', clerk_id: 'clerk01', issued_at: null, called_at: 'now', wait_seconds: null, recalls: 0, ended_at: null, service_seconds: null, transferred_to: null };
    await d.db.insertInto('queue_ticket').values({ id: 't1', ...t, state: 'serving' }).execute();
    await expect(d.db.insertInto('queue_ticket').values({ id: 't2', ...t, state: 'serving' }).execute()).rejects.toThrow(/UNIQUE/);
    await expect(d.db.insertInto('queue_ticket').values({ id: 't3', ...t, state: 'served' }).execute()).rejects.toThrow(/CHECK/);
    await d.db.updateTable('intake_case').set({ ticket_id: 't1' }).execute();
    expect((await d.db.selectFrom('intake_case').select('ticket_id').executeTakeFirstOrThrow()).ticket_id).toBe('t1');
  });
});
