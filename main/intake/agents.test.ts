import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POWER_OF_ATTORNEY_CODE } from '../../common/domain/agent-relations';
import { withIdCheckChar } from '../../common/domain/id-number';
import type { CardReadEvent } from '../../common/contract/devices';
import { DB_FILE } from '../db/database';
import { itemCode, openTestStack, type TestStack } from './testing';

let s: TestStack;
beforeEach(async () => {
  s = await openTestStack();
});
afterEach(async () => s.close());

const APPLICANT_ID = withIdCheckChar('46010219900101002');
const AGENT_ID = withIdCheckChar('46010619750505003');
const FOREIGNER_ID = withIdCheckChar('93315619800101001');
const applicant = { kind: 'person' as const, idType: 'resident' as const, idNumber: APPLICANT_ID, name: '符海燕' };

/** A card read of the 2023 foreigner permanent residence card (code 553), as the device layer publishes it. */
const foreignerCard = (): CardReadEvent => ({
  deviceId: 'idcard-sim', at: '2026-09-29T02:00:00.000Z', simulated: true, photoImage: null, photoNote: null,
  card: {
    cardType: 'foreigner', name: null, englishName: 'SMITH JOHN', genderCode: '1', gender: '男', nationCode: null, nation: null, nationality: 'USA',
    birthDate: '1980-01-01', address: null, idNumber: FOREIGNER_ID, authority: '国家移民管理局', validFrom: '2024-01-01', validTo: '2034-01-01',
    passNumber: null, issueCount: null, idNumberValid: true, photo: null,
  },
});

async function receivedMaterials(code: string) {
  return (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
}

describe('intake with an agent (经办人 / 代办人)', () => {
  it('accepts a case an agent brought: sealed at rest, masked in the detail, in the sealed outbox entry and the audit', async () => {
    const code = itemCode(s, '失业保险金申领');
    const materials = await receivedMaterials(code);
    const agent = { relation: 'family' as const, certType: '111' as const, idNumber: AGENT_ID, name: '林代办', phone: '13912345678' };
    const r = await s.intake.accept({ itemCode: code, applicant, agent, materials }, s.actor);

    const detail = await s.cases.get({ id: r.caseId });
    expect(detail.applicant).toMatchObject({ certType: '111', idType: 'resident' });
    expect(detail.agent).toEqual({ name: '林**', certType: '111', idNumber: `4601**********${AGENT_ID.slice(-4)}`, relation: 'family', phone: '139****5678', masked: true });

    const outbox = await s.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(outbox.payload).not.toContain(AGENT_ID);
    expect(JSON.parse(s.pii.open(JSON.parse(outbox.payload).agentSealed))).toEqual({ ...agent });
    const audit = await s.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.accept').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ agent: { relation: 'family', certType: '111' } });
    expect(audit.detail).not.toContain('林代办');

    // Nothing of the agent (or the applicant) in clear in the database file, WAL included.
    await s.database.close();
    const files = fs.readdirSync(s.dir).filter((f) => f.startsWith(DB_FILE));
    expect(files).toContain(DB_FILE);
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(s.dir, f));
      for (const clear of [AGENT_ID, '林代办', '13912345678', APPLICANT_ID, '符海燕']) expect(bytes.includes(Buffer.from(clear)), `${clear} in ${f}`).toBe(false);
    }
  });

  it('asks a 委托代理 for the power of attorney, fills the agent from a card read, and refuses bad agents in Chinese', async () => {
    const code = itemCode(s, '失业保险金申领');
    const materials = await receivedMaterials(code);
    const token = s.cards.put(foreignerCard());
    const proxy = { relation: 'proxy' as const, certType: '111' as const, cardToken: token }; // the card's kind decides the code
    await expect(s.intake.accept({ itemCode: code, applicant, agent: proxy, materials }, s.actor)).rejects.toThrow(/授权委托书/);
    const r = await s.intake.accept({ itemCode: code, applicant, agent: proxy, materials: [...materials, { code: POWER_OF_ATTORNEY_CODE, state: 'received' }] }, s.actor);
    const detail = await s.cases.get({ id: r.caseId });
    expect(detail.agent).toMatchObject({ name: 'S*********', certType: '553', relation: 'proxy' });
    expect(detail.materials.find((m) => m.code === POWER_OF_ATTORNEY_CODE)).toMatchObject({ name: '授权委托书', required: true, state: 'received' });

    await expect(s.intake.accept({ itemCode: code, applicant, agent: { relation: 'family', certType: '516', idNumber: 'X123', name: '某' }, materials }, s.actor)).rejects.toThrow(/代办人港澳居民来往内地通行证号码/);
    await expect(s.intake.accept({ itemCode: code, applicant, agent: { relation: 'family', certType: '111', idNumber: APPLICANT_ID, name: '符海燕' }, materials }, s.actor)).rejects.toThrow(/同一人/);
    await expect(s.intake.accept({ itemCode: code, applicant, agent: { relation: 'family', certType: '111' }, materials }, s.actor)).rejects.toThrow(/请填写代办人姓名/);
    // The applicant's code follows the certificate type the clerk chose, checked by its rules.
    await expect(s.intake.accept({ itemCode: code, applicant: { kind: 'person', idType: 'other', certType: '414', idNumber: 'E12 34', name: 'A' }, materials }, s.actor)).rejects.toThrow(/护照号码/);
  });
});
