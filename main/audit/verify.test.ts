import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, tempDir } from '../auth/testing';
import type { Database } from '../db/database';
import { appendAudit, auditHash, META_AUDIT_ALGORITHM, META_AUDIT_HEAD } from './chain';
import { verifyAuditChain } from './verify';

let database: Database;
let dir: string;
afterEach(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function chainOf(n: number, algorithm?: 'sm3'): Promise<void> {
  dir = tempDir('yc-audit-');
  database = await openTestDatabase(dir);
  if (algorithm) await database.db.insertInto('meta').values({ key: META_AUDIT_ALGORITHM, value: algorithm }).execute();
  for (let i = 1; i <= n; i++) await appendAudit(database.db, { actor: 'zhangsan', action: 'case.accept', subject: `case-${i}`, detail: { i } });
}

describe('audit chain verification', () => {
  it('accepts an intact chain (SHA-256 and SM3)', async () => {
    await chainOf(5);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 5, problems: [] });
    await database.close();
    await chainOf(3, 'sm3');
    const rows = await database.db.selectFrom('audit_log').select(['algorithm', 'hash']).execute();
    expect(rows.every((r) => r.algorithm === 'sm3' && r.hash.length === 64)).toBe(true);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('detects an edited entry', async () => {
    await chainOf(5);
    await database.db.updateTable('audit_log').set({ actor: 'mallory' }).where('seq', '=', 3).execute();
    const v = await verifyAuditChain(database.db);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ kind: 'edited', seq: 3 });
  });

  it('detects an edited entry whose hash was recomputed (the next link breaks)', async () => {
    await chainOf(5);
    const r = await database.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...r, detail: '{"i":99}' };
    await database.db.updateTable('audit_log').set({ detail: forged.detail, hash: auditHash('sha256', r.prev_hash, forged) }).where('seq', '=', 2).execute();
    const v = await verifyAuditChain(database.db);
    expect(v.problems[0]).toMatchObject({ kind: 'broken-link', seq: 3 });
  });

  it('detects a deleted entry in the middle and a deleted tail', async () => {
    await chainOf(5);
    await database.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    expect((await verifyAuditChain(database.db)).problems[0]).toMatchObject({ kind: 'deleted', seq: 3 });
    await database.close();
    await chainOf(5);
    await database.db.deleteFrom('audit_log').where('seq', '=', 5).execute();
    expect((await verifyAuditChain(database.db)).problems[0]).toMatchObject({ kind: 'head-mismatch', seq: 5 });
    await database.db.deleteFrom('audit_log').execute();
    expect((await verifyAuditChain(database.db)).ok).toBe(false);
  });
});

describe('appendAudit', () => {
  it('links each entry to the head recorded in meta, and a chain without one to its last entry', async () => {
    await chainOf(3);
    const head = await database.db.selectFrom('meta').select('value').where('key', '=', META_AUDIT_HEAD).executeTakeFirstOrThrow();
    const last = await database.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(head.value).toBe(`${last.seq}:${last.hash}`);
    // A database from before the head was recorded.
    await database.db.deleteFrom('meta').where('key', '=', META_AUDIT_HEAD).execute();
    await appendAudit(database.db, { actor: 'zhangsan', action: 'auth.signIn' });
    await appendAudit(database.db, { actor: 'zhangsan', action: 'auth.signOut' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 5 });
  });
});

describe('appendAudit after the head it last wrote changed', () => {
  it('links to the committed head after a rolled-back append, an append to another database and a changed setting', async () => {
    await chainOf(2);
    const otherDir = tempDir('yc-audit-other-');
    const other = await openTestDatabase(otherDir);
    try {
      // Rolled back: the head this process wrote was never committed.
      await expect(
        database.db.transaction().execute(async (trx) => {
          await appendAudit(trx, { actor: 'zhangsan', action: 'case.accept', subject: 'rolled-back' });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      await appendAudit(database.db, { actor: 'zhangsan', action: 'case.accept', subject: 'after-rollback' });
      // Another database's head written last, then this one again.
      await appendAudit(other.db, { actor: 'lisi', action: 'auth.signIn' });
      await appendAudit(database.db, { actor: 'zhangsan', action: 'case.accept', subject: 'after-other' });
      // The algorithm setting changed since the last append.
      await database.db.insertInto('meta').values({ key: META_AUDIT_ALGORITHM, value: 'sm3' }).execute();
      await appendAudit(database.db, { actor: 'zhangsan', action: 'case.accept', subject: 'after-setting' });
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 5, problems: [] });
      expect(await verifyAuditChain(other.db)).toMatchObject({ ok: true, entries: 1 });
      const rows = await database.db.selectFrom('audit_log').select(['subject', 'algorithm']).orderBy('seq').execute();
      expect(rows.map((r) => r.subject).slice(2)).toEqual(['after-rollback', 'after-other', 'after-setting']);
      expect(rows.map((r) => r.algorithm)).toEqual(['sha256', 'sha256', 'sha256', 'sha256', 'sm3']);
    } finally {
      await other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('appendAudit outside a transaction', () => {
  it('keeps one chain when many appends race on the shared connection', async () => {
    dir = tempDir('yc-audit-race-');
    database = await openTestDatabase(dir);
    await Promise.all(Array.from({ length: 30 }, (_, i) => appendAudit(database.db, { actor: `s${i % 3}`, action: 'auth.signIn' })));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 30 });
  });
});
