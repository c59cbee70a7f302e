import { afterEach, describe, expect, it } from 'vitest';
import type { QueueView } from '../../common/contract/queue';
import type { Opened } from '../app/testing';
import { acceptSample, ok, queueApp, testQueueServer, until } from '../app/testing/queue';
import { predictNumber } from '../intake/case-numbers';

const opened: Opened = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

const outbox = (app: Awaited<ReturnType<typeof queueApp>>, kind: string) =>
  app.services.database.db.selectFrom('outbox').select(['payload', 'aggregate_id']).where('kind', '=', kind).orderBy('seq').execute();

/** An app on the reference queue service, online and serving A001. */
async function servingFirstTicket() {
  const server = await testQueueServer(opened);
  const app = await queueApp(opened);
  app.services.settings.update({ queue: { driver: 'http', url: server.url } });
  server.state.issue('A');
  await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).online);
  ok(await app.invoke('queue.next', undefined));
  return { server, app };
}

describe('queue over the hall queue service (HTTP + WebSocket)', () => {
  it('a decision under a newly called ticket takes the one-script write: intake re-reads the serving ticket when the queue changes', async () => {
    const { server, app } = await servingFirstTicket();
    const first = await acceptSample(app);
    const db = app.services.database.db as unknown as { writeBatch(statements: readonly string[]): Promise<void> };
    const outcomes: string[] = [];
    const write = db.writeBatch.bind(db);
    db.writeBatch = async (statements) => {
      try {
        await write(statements);
        outcomes.push('batch');
      } catch (err) {
        outcomes.push('batch failed');
        throw err;
      }
    };
    server.state.issue('A');
    const called = ok<QueueView>(await app.invoke('queue.next', undefined));
    const [hall, window] = first.caseNumber.split('-');
    await until(() => predictNumber(hall!, window!, new Date())?.ticket?.ticketId === called.current!.id);
    const accepted = await acceptSample(app);
    expect(outcomes).toEqual(['batch']);
    const row = await app.services.database.db.selectFrom('intake_case').select('ticket_id').where('id', '=', accepted.caseId).executeTakeFirstOrThrow();
    expect(row.ticket_id).toBe(called.current!.id);
  });

  it('calls a ticket, links the case and its rating to it, recalls, passes and records wait and service time', async () => {
    const server = await testQueueServer(opened);
    const app = await queueApp(opened);
    app.services.settings.update({ queue: { driver: 'http', url: server.url } });
    await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).online);

    // A ticket printed in the hall reaches the bar by the WebSocket push, without asking.
    const pushed: QueueView[] = [];
    app.services.events.subscribe((name, p) => name === 'queue.state' && pushed.push(p as QueueView));
    server.state.issue('A');
    server.state.issue('A');
    await until(() => pushed.some((v) => v.waiting === 2));

    const called = ok<QueueView>(await app.invoke('queue.next', undefined));
    expect(called.current).toMatchObject({ number: 'A001', queue: 'A', recalls: 0, caseCount: 0 });
    expect(called.current!.waitSeconds).toBeGreaterThanOrEqual(0);
    expect(called.waiting).toBe(1);
    expect(server.state.window('W03').current?.number).toBe('A001');

    const accepted = await acceptSample(app);
    const row = await app.services.database.db.selectFrom('intake_case').select('ticket_id').where('id', '=', accepted.caseId).executeTakeFirstOrThrow();
    expect(row.ticket_id).toBe(called.current!.id);
    const [entry] = await outbox(app, 'case.accepted');
    expect(JSON.parse(entry!.payload).ticket).toMatchObject({ id: called.current!.id, number: 'A001', queue: 'A' });
    ok(await app.invoke('reviews.rate', { caseId: accepted.caseId, level: 1, reasons: [], channel: 'evaluator' }));
    const [rating] = await outbox(app, 'rating.created');
    expect(JSON.parse(rating!.payload).ticketNumber).toBe('A001');

    expect(ok<QueueView>(await app.invoke('queue.recall', undefined)).current).toMatchObject({ number: 'A001', recalls: 1, caseCount: 1 });
    expect(server.state.window('W03').current?.recalls).toBe(1);

    // 下一位 ends A001 as served (with its case), calls A002; 过号 ends A002 with no case.
    expect(ok<QueueView>(await app.invoke('queue.next', undefined)).current?.number).toBe('A002');
    const passed = ok<QueueView>(await app.invoke('queue.pass', undefined));
    expect(passed.current).toBeNull();
    expect(passed.today).toMatchObject({ served: 1, passed: 1 });
    const ended = (await outbox(app, 'queue.ticketEnded')).map((e) => JSON.parse(e.payload));
    expect(ended).toMatchObject([
      { number: 'A001', outcome: 'served', caseIds: [accepted.caseId], windowCode: 'W03' },
      { number: 'A002', outcome: 'passed', caseIds: [] },
    ]);
    expect(ended[0].serviceSeconds).toBeGreaterThanOrEqual(0);

    // Nobody waiting: the bar says so, nothing is served.
    expect(ok<QueueView>(await app.invoke('queue.next', undefined))).toMatchObject({ current: null, waiting: 0 });
    const audit = await app.services.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'queue.%').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['queue.next', 'queue.recall', 'queue.next', 'queue.pass', 'queue.next']);
  });

  it('transfers to another window, pauses and resumes, and shows the hall to a supervisor', async () => {
    const server = await testQueueServer(opened);
    const app = await queueApp(opened);
    app.services.settings.update({ queue: { driver: 'http', url: server.url } });
    server.state.issue('A');
    server.state.issue('B');
    await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).online);
    ok(await app.invoke('queue.next', undefined));
    expect(ok<QueueView>(await app.invoke('queue.transfer', { toWindow: 'W05' })).current).toBeNull();
    // The transferred ticket waits first in line, for W05 only.
    expect(server.state.next('W05')?.number).toBe('A001');
    expect(await app.invoke('queue.transfer', { toWindow: 'W05', toQueue: 'B' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    expect(ok<QueueView>(await app.invoke('queue.pause', undefined)).paused).toBe(true);
    expect(await app.invoke('queue.next', undefined)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/已暂停服务/) } });
    expect(ok<QueueView>(await app.invoke('queue.resume', undefined)).paused).toBe(false);

    const hall = ok<{ window: string; windows: Array<{ window: string; current: string | null }>; queues: Array<{ queue: string; waiting: number }> }>(await app.invoke('queue.hall', undefined));
    expect(hall.window).toBe('W03');
    expect(hall.windows).toEqual(expect.arrayContaining([expect.objectContaining({ window: 'W05', current: 'A001' })]));
    expect(hall.queues).toEqual([{ queue: 'B', waiting: 1 }]);
    const [ended] = (await outbox(app, 'queue.ticketEnded')).map((e) => JSON.parse(e.payload));
    expect(ended).toMatchObject({ outcome: 'transferred', transferredTo: 'window:W05' });
  });

  it('offline: the bar says why in plain Chinese, calls fail clearly, and a walk-in case is accepted without a ticket', async () => {
    const { server, app } = await servingFirstTicket();
    await server.close();

    const status = ok<QueueView>(await app.invoke('queue.status', undefined));
    expect(status).toMatchObject({ online: false, reason: expect.stringMatching(/排队系统连不上.*可以继续接待未取号的群众/) });
    // The ticket being served stays: its applicant is at the counter, the case still links to it.
    expect(status.current?.number).toBe('A001');
    expect(await app.invoke('queue.next', undefined)).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE', message: expect.stringMatching(/排队系统连不上/) } });
    const withTicket = await acceptSample(app);

    // No queue at all (walk-ins only): intake is the same, the case carries no ticket.
    app.services.settings.update({ queue: { driver: 'none' } });
    await until(async () => ok<QueueView>(await app.invoke('queue.status', undefined)).driver === 'none');
    expect(await app.invoke('queue.next', undefined)).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE', message: expect.stringMatching(/没有叫号也可以直接接待/) } });
    const db = app.services.database.db;
    await db.updateTable('queue_ticket').set({ state: 'served', ended_at: new Date().toISOString(), service_seconds: 1 }).execute();
    const walkIn = await acceptSample(app);
    const rows = await db.selectFrom('intake_case').select(['id', 'ticket_id']).where('id', 'in', [withTicket.caseId, walkIn.caseId]).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.ticket_id !== null]))).toEqual({ [withTicket.caseId]: true, [walkIn.caseId]: false });
    const payloads = (await outbox(app, 'case.accepted')).map((e) => JSON.parse(e.payload).ticket);
    expect(payloads.map((t) => t?.number ?? null)).toEqual(['A001', null]);
  });

  it('writes the ticket link in the decision’s transaction: a decision that fails leaves no link', async () => {
    const { app } = await servingFirstTicket();
    const db = app.services.database.db;
    const { sql } = await import('kysely');
    // The outbox write (the last step of the decision) fails: the whole decision must roll back.
    await sql`create temp trigger fail_case_outbox before insert on outbox when new.kind = 'case.accepted' begin select raise(abort, 'injected'); end`.execute(db);
    await expect(acceptSample(app)).rejects.toThrow();
    expect(await db.selectFrom('intake_case').select('id').where('ticket_id', 'is not', null).execute()).toEqual([]);
    expect(ok<QueueView>(await app.invoke('queue.status', undefined)).current?.caseCount).toBe(0);
  });
});
