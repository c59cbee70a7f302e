import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/app';
import type { CallContext } from '../router';
import { CLI_CALLER, CLI_ROLE } from '../../../common/contract/cli';
import { applyCaseStatusPage } from '../../sync/pull-case-status';

// The command line's caller, as main/cli/app.ts builds it (the api layer does not import the transports).
const CLI_CONTEXT: CallContext = { session: { staffId: CLI_CALLER.staffId, name: CLI_CALLER.name, roles: [] }, role: CLI_ROLE };
let app: App;
let dir: string;
const clerk = { staffId: 'clerk01', name: '王小明', roles: ['clerk' as const] };
const supervisor = { staffId: 'sup01', name: '李主任', roles: ['supervisor' as const] };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-handover-api-'));
  app = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('handover.* through the router', () => {
  it('clerk confirms by typed ID number; the CLI caller lists and posts; hall scope needs a supervisor and the central', async () => {
    const items = (await app.router.invoke('catalog.search', { q: 'jzzsl', limit: 1 }, { session: clerk })) as { ok: true; value: { items: Array<{ code: string }> } };
    const code = items.value.items[0]!.code;
    const materials = (await app.services.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
    const applicant = { kind: 'person' as const, idType: 'resident' as const, idNumber: '11010519491231002X', name: '测试人' };
    const a = await app.services.intake.accept({ itemCode: code, applicant, materials }, { id: 'clerk01', name: '王小明' });
    const b = await app.services.intake.accept({ itemCode: code, applicant, materials }, { id: 'clerk01', name: '王小明' });
    const result = { outcome: 'approved' as const, ready: true, items: [{ name: '居住证', count: 1 }], delivery: 'window' as const };
    await applyCaseStatusPage(app.services.database.db, [a, b].map((c, i) => ({ cursor: i + 1, caseId: c.caseId, status: 'completed_approved' as const, at: new Date().toISOString(), note: null, centralCaseNumber: null, result })), 2);

    const listed = await app.router.invoke('handover.list', { scope: 'window' }, CLI_CONTEXT);
    expect(listed).toMatchObject({ ok: true, value: { scope: 'window', rows: [{ caseNumber: a.caseNumber }, { caseNumber: b.caseNumber }] } });
    expect(await app.router.invoke('handover.list', { scope: 'hall' }, { session: clerk })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A supervisor may ask for the hall, but an unenrolled window cannot reach the central.
    expect(await app.router.invoke('handover.list', { scope: 'hall' }, { session: supervisor })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    // Confirming and identifying are the clerk's; the supervisor only looks.
    expect(await app.router.invoke('handover.confirm', { caseId: a.caseId, idNumber: '11010519491231002X' }, { session: supervisor })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.router.invoke('handover.identify', { caseId: a.caseId, idNumber: '11010519491231002X' }, CLI_CONTEXT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.router.invoke('handover.confirm', { caseId: a.caseId, idNumber: '110105194912310021' }, { session: clerk })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/身份核验未通过/) },
    });
    expect(await app.router.invoke('handover.confirm', { caseId: a.caseId, idNumber: '11010519491231002x' }, { session: clerk })).toMatchObject({
      ok: true,
      value: { stage: 'handed_over', handover: { collector: 'applicant', clerkName: '王小明' } },
    });
    expect(await app.router.invoke('handover.post', { caseId: b.caseId, carrier: '顺丰速运', trackingNumber: 'SF1234567890' }, CLI_CONTEXT)).toMatchObject({
      ok: true,
      value: { stage: 'posted', handover: { clerkId: 'cli', trackingNumber: 'SF1234567890' } },
    });
    expect(await app.router.invoke('handover.list', undefined, CLI_CONTEXT)).toMatchObject({ ok: true, value: { rows: [] } });
    const audit = await app.services.database.db.selectFrom('audit_log').select(['actor', 'action']).where('action', 'in', ['case.handover', 'case.post']).orderBy('seq').execute();
    expect(audit).toEqual([{ actor: 'clerk01', action: 'case.handover' }, { actor: 'cli', action: 'case.post' }]);
    const kinds = await app.services.database.db.selectFrom('outbox').select('kind').where('kind', '=', 'case.handedOver').execute();
    expect(kinds).toHaveLength(2);
  });
});
