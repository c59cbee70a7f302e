import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/chain';
import { openDatabase, type Database } from './database';
import { NewerDatabaseError } from '../../platform/db/migrator';
import { migrations } from './migrations';
import { enqueueOutbox } from './outbox';
import { acceptedEntry } from '../sync/testing/sample-entries';

const dirs: string[] = [];
const opened: Database[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-db-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('database', () => {
  it('opens a real file in WAL mode with foreign keys and full sync, migrated to the newest version', async () => {
    const d = await openDatabase(tempDir());
    opened.push(d);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(d.db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(d.db);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(d.db);
    expect(sync.rows[0]!.synchronous).toBe(2);
    const v = await sql<{ user_version: number }>`pragma user_version`.execute(d.db);
    expect(v.rows[0]!.user_version).toBe(migrations.length);
  });

  it('writes the outbox and audit rows in the caller transaction, and rolls both back together', async () => {
    const d = await openDatabase(tempDir());
    opened.push(d);
    await d.db.transaction().execute(async (trx) => {
      await enqueueOutbox(trx, acceptedEntry('c1', 'N-1'));
      await appendAudit(trx, { actor: 'clerk1', action: 'case.accept', subject: 'c1' });
    });
    await expect(
      d.db.transaction().execute(async (trx) => {
        await enqueueOutbox(trx, acceptedEntry('c2', 'N-2'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await d.db.selectFrom('outbox').selectAll().execute();
    expect(rows.map((r) => r.aggregate_id)).toEqual(['c1']);
    expect(rows[0]!.state).toBe('pending');
    const audit = await d.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
  });

  it('serialises concurrent transactions on the single connection', async () => {
    const d = await openDatabase(tempDir());
    opened.push(d);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        d.db.transaction().execute((trx) => enqueueOutbox(trx, acceptedEntry(`a${i}`, `N-${i}`))),
      ),
    );
    const seqs = (await d.db.selectFrom('outbox').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses a database written by a newer app version, and leaves it untouched', async () => {
    const dir = tempDir();
    const d = await openDatabase(dir);
    await sql.raw(`pragma user_version = ${migrations.length + 5}`).execute(d.db);
    await d.close();
    await expect(openDatabase(dir)).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(openDatabase(dir)).rejects.toThrow(/更新版本/);
  });

  it('reports a file that is not a database with a clear message', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'yichuang.db'), Buffer.alloc(8192, 7));
    await expect(openDatabase(dir)).rejects.toThrow(/损坏/);
  });

  it('runs a migration and its version bump atomically: a failing migration leaves the old version', async () => {
    const dir = tempDir();
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        async up(trx: Parameters<(typeof migrations)[number]['up']>[0]) {
          await trx.schema.createTable('half').addColumn('x', 'text').execute();
          throw new Error('fails half-way');
        },
      },
    ];
    await expect(openDatabase(dir, { migrations: broken })).rejects.toThrow('fails half-way');
    const d = await openDatabase(dir);
    opened.push(d);
    const tables = await sql<{ name: string }>`select name from sqlite_master where name = 'half'`.execute(d.db);
    expect(tables.rows).toHaveLength(0);
  });
});
