import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../common/contract';
import { withIdCheckChar } from '../../../common/domain/id-number';
import { createApp, type App } from '../../app/app';
import { sampleCardRead } from '../../app/testing';

let dir: string;
let app: App;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-api-'));
  app = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' });
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ID = withIdCheckChar('46010219851231002');

function ok<T>(r: { ok: boolean; value?: T; error?: unknown }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('intake through the router', () => {
  it('a card read becomes a masked intake.applicant event whose token accepts the case', async () => {
    const seen = new Promise<EventPayload<'intake.applicant'>>((resolve) =>
      app.services.events.subscribe((name, payload) => name === 'intake.applicant' && resolve(payload as EventPayload<'intake.applicant'>)),
    );
    app.internal.emit('card.read', sampleCardRead(ID));
    const applicant = await seen;
    expect(applicant).toMatchObject({ name: '邢**', idNumber: '4601**********' + ID.slice(-4), idNumberValid: true, history: { caseCount: 0 } });
    expect(JSON.stringify(applicant)).not.toContain(ID);
    // Look-ups by the card token: main resolves it (offline here, so an honest "not checked" answer).
    expect(await app.invoke('lookups.licences', { cardToken: applicant.cardToken })).toMatchObject({ ok: true });
    expect(await app.invoke('lookups.credit', { cardToken: applicant.cardToken, subjectType: 'person' })).toMatchObject({ ok: true });
    expect(await app.invoke('lookups.licences', { cardToken: 'expired-token' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.invoke('lookups.licences', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const search = ok(await app.invoke('catalog.search', { q: 'shehuibaozhangka', limit: 5 })) as { items: Array<{ code: string; name: string }> };
    const item = search.items.find((i) => i.name === '社会保障卡申领')!;
    const detail = ok(await app.invoke('catalog.item', { code: item.code })) as { materials: Array<{ code: string; required: boolean }> };
    const materials = detail.materials.filter((m) => m.required).map((m) => ({ code: m.code, state: 'received' }));
    const promised = ok(await app.invoke('intake.promisedDate', { itemCode: item.code, at: '2026-09-30T09:00:00+08:00' }));
    // 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13.
    expect(promised).toMatchObject({ date: '2026-10-13', provisional: false, limitText: '5个工作日' });

    const accepted = ok(await app.invoke('intake.accept', { itemCode: item.code, applicant: { kind: 'person', cardToken: applicant.cardToken }, materials })) as { caseId: string; caseNumber: string };
    expect(accepted.caseNumber).toMatch(/^LOCAL-W[A-Z2-9]{6}-\d{8}-0001$/);
    const got = ok(await app.invoke('cases.get', { caseNumber: accepted.caseNumber })) as { applicant: { name: string; idNumber: string }; sync: { state: string } };
    expect(got.applicant).toMatchObject({ name: '邢**', idNumber: '4601**********' + ID.slice(-4) });
    expect(got.sync.state).toBe('pending');
    const notice = ok(await app.invoke('cases.notice', { id: accepted.caseId })) as { kind: string; html: string };
    expect(notice.kind).toBe('acceptance');
    expect(notice.html).toContain(accepted.caseNumber);
    expect(notice.html).toContain('<svg');
    expect(notice.html).not.toContain(ID);
    const list = ok(await app.invoke('cases.list', { today: true, q: ID })) as { cases: unknown[] };
    expect(list.cases).toHaveLength(1);
  });

  it('validates as the clerk types, and enforces roles', async () => {
    const v = ok(await app.invoke('intake.validateApplicant', { idNumber: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0'), uscc: '91350100M000100Y43' })) as {
      idNumber: { valid: boolean; message: string };
      uscc: { valid: boolean };
    };
    expect(v.idNumber).toMatchObject({ valid: false, problem: 'checksum' });
    expect(v.uscc.valid).toBe(true);
    expect(ok(await app.invoke('intake.validateApplicant', { idNumber: ID }))).toMatchObject({ idNumber: { valid: true, birthDate: '1985-12-31', gender: '女' } });

    app.services.sessions.set({ staffId: 'c1', name: '窗口一', roles: ['clerk'] });
    const close = await app.invoke('reviews.closeRectification', { id: 'x', note: 'n', followUpResult: 'satisfied' });
    expect(close).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.invoke('intake.accept', { itemCode: 'nope', applicant: { kind: 'person', idNumber: ID, name: '某' }, materials: [] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok(await app.invoke('calendar.addWorkdays', { date: '2026-09-30', n: 3 }))).toEqual({ date: '2026-10-10', provisional: false });
    app.services.sessions.set(null);
    expect(await app.invoke('catalog.search', { q: 'x' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
