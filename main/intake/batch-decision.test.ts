import { afterEach, describe, expect, it } from 'vitest';
import sqlite3 from 'sqlite3';
import { auditHash } from '../audit/chain';
import { verifyAuditChain } from '../audit/verify';
import { DirectKysely } from '../../platform/db/direct-transactions';
import { isExpectationFailure } from '../../platform/db/write-batch';
import { refreshServingTicket } from './case-numbers';
import { itemCode, openTestStack, samplePerson, type TestStack } from './testing';

const stacks: TestStack[] = [];
afterEach(async () => {
  for (const s of stacks.splice(0)) await s.close();
});

/** A stack whose write batches are counted: which accepts took the batch, which fell back. */
async function stack() {
  const s = await openTestStack({ now: new Date() });
  stacks.push(s);
  const db = s.db as unknown as DirectKysely<unknown>;
  const log: Array<'batch' | 'expectation failed' | 'refused'> = [];
  let refuseNext = false;
  const write = db.writeBatch.bind(db);
  db.writeBatch = async (statements) => {
    if (refuseNext) {
      refuseNext = false;
      log.push('refused');
      throw new Error('refused by the test');
    }
    try {
      await write(statements);
      log.push('batch');
    } catch (err) {
      log.push(isExpectationFailure(err) ? 'expectation failed' : 'refused');
      throw err;
    }
  };
  const code = itemCode(s, '失业保险金申领');
  const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
  const accept = () => s.intake.accept({ itemCode: code, applicant: samplePerson, materials }, s.actor);
  // Predictions are the process's: a new stack's first accept may try another stack's guess (and fall back). Warm up, then count.
  await accept();
  log.length = 0;
  return { s, log, accept, takeTransactionNext: () => (refuseNext = true) };
}

/** Every row a case wrote, as SQLite stores it (quote(): types show), its id, number, times and sealed values (fresh nonces) made neutral. */
async function rowsOf(s: TestStack, caseId: string) {
  const c = await s.db.selectFrom('intake_case').select(['case_number', 'created_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const quoted = async (table: string, where: string) => {
    const cols = (await new Promise<Array<{ name: string }>>((res, rej) => s.database.raw.all(`pragma table_info(${table})`, (e, r) => (e ? rej(e) : res(r as never)))))
      .map((r) => r.name)
      .filter((n) => !['id', 'seq', 'hash', 'prev_hash', 'at', 'created_at', 'updated_at', 'accepted_at', 'decided_at'].includes(n) || table === 'case_material');
    const rows = await new Promise<Array<Record<string, string>>>((res, rej) =>
      s.database.raw.all(`select ${cols.map((n) => `quote(${n}) as ${n}`).join(', ')} from ${table} where ${where}`, [caseId], (e, r) => (e ? rej(e) : res(r as never))),
    );
    return JSON.parse(JSON.stringify(rows).replaceAll(caseId, 'CASE').replaceAll(c.case_number!, 'NUMBER').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME').replace(/v1\.aes256gcm\.[\w.-]+/g, 'SEALED'));
  };
  return {
    case: await quoted('intake_case', 'id = ?'),
    materials: await quoted('case_material', 'case_id = ?'),
    history: await quoted('case_history', 'case_id = ?'),
    audit: await quoted('audit_log', 'subject = ?'),
    outbox: await quoted('outbox', 'aggregate_id = ?'),
  };
}

/** A second connection to the window's file, as another writer would be. */
async function other(s: TestStack, statements: string, params: unknown[] = []) {
  const db = await new Promise<sqlite3.Database>((res, rej) => {
    const d = new sqlite3.Database(s.database.file, (e) => (e ? rej(e) : res(d)));
  });
  await new Promise<void>((res, rej) => db.run(statements, params, (e) => (e ? rej(e) : res())));
  await new Promise<void>((res) => db.close(() => res()));
}

async function numbersAndChain(s: TestStack) {
  const cases = await s.db.selectFrom('intake_case').select('case_number').orderBy('case_number').execute();
  const seq = await s.db.selectFrom('case_sequence').select('last_seq').executeTakeFirstOrThrow();
  const head = await s.db.selectFrom('meta').select('value').where('key', '=', 'audit.head').executeTakeFirstOrThrow();
  const last = await s.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  expect(head.value).toBe(`${last.seq}:${last.hash}`);
  expect((await verifyAuditChain(s.db)).problems).toEqual([]);
  return { numbers: cases.map((c) => Number(c.case_number!.slice(-4))), lastSeq: seq.last_seq };
}

describe('an accept as one write batch', () => {
  it('writes the same rows as the transaction', async () => {
    const { s, log, accept, takeTransactionNext } = await stack();
    const batched = await accept();
    takeTransactionNext();
    const transacted = await accept();
    expect(log).toEqual(['batch', 'refused']);
    expect(await rowsOf(s, batched.caseId)).toEqual(await rowsOf(s, transacted.caseId));
    expect(batched.caseNumber.slice(-4)).toBe('0002');
    expect(await numbersAndChain(s)).toEqual({ numbers: [1, 2, 3], lastSeq: 3 });
    // The outbox rows of all three, in order.
    expect((await s.db.selectFrom('outbox').select('aggregate_id').orderBy('seq').execute()).length).toBe(3);
  });

  it('falls back to the transaction when another writer issued a number: no duplicate, the case gets the next', async () => {
    const { s, log, accept } = await stack();
    await accept();
    await other(s, 'update case_sequence set last_seq = last_seq + 1');
    const r = await accept();
    expect(log).toEqual(['batch', 'expectation failed']);
    expect(r.caseNumber.slice(-4)).toBe('0004');
    expect(await numbersAndChain(s)).toEqual({ numbers: [1, 2, 4], lastSeq: 4 });
    await accept();
    expect(log.at(-1)).toBe('batch');
  });

  it('falls back when the serving ticket changed: the case carries the new ticket', async () => {
    const { s, log, accept } = await stack();
    await other(
      s,
      `insert into queue_ticket (id, source, source_id, number, queue_code, window_code, clerk_id, issued_at, called_at, wait_seconds, recalls, state)
       values ('t1', 'http', 's1', 'A007', 'A', 'W03', 'clerk01', '2026-12-02T01:00:00Z', '2026-12-02T01:05:00Z', 300, 0, 'serving')`,
    );
    const r = await accept();
    expect(log).toEqual(['expectation failed']);
    const c = await s.db.selectFrom('intake_case').select('ticket_id').where('id', '=', r.caseId).executeTakeFirstOrThrow();
    expect(c.ticket_id).toBe('t1');
    const outbox = await s.db.selectFrom('outbox').select('payload').where('aggregate_id', '=', r.caseId).executeTakeFirstOrThrow();
    expect(JSON.parse(outbox.payload).ticket.number).toBe('A007');
    await accept();
    expect(log.at(-1)).toBe('batch');
    expect((await numbersAndChain(s)).numbers).toEqual([1, 2, 3]);
  });

  it('takes the batch for the first decision under a newly called ticket once the queue told it (queue.changed)', async () => {
    const { s, log, accept } = await stack();
    await other(
      s,
      `insert into queue_ticket (id, source, source_id, number, queue_code, window_code, clerk_id, issued_at, called_at, wait_seconds, recalls, state)
       values ('t2', 'http', 's2', 'A008', 'A', 'W03', 'clerk01', '2026-12-02T01:00:00Z', '2026-12-02T01:06:00Z', 360, 0, 'serving')`,
    );
    await refreshServingTicket(s.db);
    const r = await accept();
    expect(log).toEqual(['batch']);
    const c = await s.db.selectFrom('intake_case').select('ticket_id').where('id', '=', r.caseId).executeTakeFirstOrThrow();
    expect(c.ticket_id).toBe('t2');
    const outbox = await s.db.selectFrom('outbox').select('payload').where('aggregate_id', '=', r.caseId).executeTakeFirstOrThrow();
    expect(JSON.parse(outbox.payload).ticket).toMatchObject({ id: 't2', number: 'A008', waitSeconds: 360 });
  });

  it('falls back when an audit entry was appended in between: the chain stays whole', async () => {
    const { s, log, accept } = await stack();
    const head = (await s.db.selectFrom('meta').select('value').where('key', '=', 'audit.head').executeTakeFirstOrThrow()).value;
    const prev = head.slice(head.indexOf(':') + 1);
    const e = { at: new Date().toISOString(), actor: 'other', action: 'settings.change', subject: null, detail: '{}' };
    const hash = auditHash('sha256', prev, e);
    const seq = Number(head.slice(0, head.indexOf(':'))) + 1;
    await other(
      s,
      `insert into audit_log (seq, at, actor, action, subject, detail, algorithm, prev_hash, hash) values (?, ?, ?, ?, null, ?, 'sha256', ?, ?);`,
      [seq, e.at, e.actor, e.action, e.detail, prev, hash],
    );
    await other(s, `update meta set value = ? where key = 'audit.head'`, [`${seq}:${hash}`]);
    await accept();
    expect(log).toEqual(['expectation failed']);
    await accept();
    expect(log.at(-1)).toBe('batch');
    expect((await numbersAndChain(s)).numbers).toEqual([1, 2, 3]);
  });
});
