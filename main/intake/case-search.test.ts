import { afterEach, describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { itemCode, openTestStack, type TestStack } from './testing';

let s: TestStack | null = null;
afterEach(async () => {
  await s?.close();
  s = null;
});

const ID = withIdCheckChar('46010519850312001');

async function acceptOne(stack: TestStack) {
  const code = itemCode(stack, '失业保险金申领');
  const materials = (await stack.catalog.materials(code)).filter((m) => m.required).map((m) => ({ code: m.code, state: 'received' as const }));
  return stack.intake.accept({ itemCode: code, applicant: { kind: 'person', idType: 'resident', idNumber: ID, name: '吉少华', phone: '13800000000' }, materials }, stack.actor);
}

/** The steps of SQLite's plan for the statement behind `cases.list`. */
async function plan(stack: TestStack, q: string): Promise<string[]> {
  const compiled = stack.cases.listQuery({ q, limit: 50 }).compile();
  const rows = await new Promise<Array<{ detail: string }>>((resolve, reject) =>
    stack.database.raw.all(`explain query plan ${compiled.sql}`, compiled.parameters as unknown[], (err, r) => (err ? reject(err) : resolve(r as Array<{ detail: string }>))),
  );
  return rows.map((r) => r.detail);
}

describe('case search at scale (years of cases)', () => {
  it('answers every kind of search from indexes, never by reading every case row', async () => {
    s = await openTestStack();
    const r = await acceptOne(s);
    for (const q of [r.caseNumber, r.caseNumber.slice(-13), '0001', '吉少华', ID, '91460100MA5T0000X0', '无此人']) {
      const steps = await plan(s, q);
      // A full scan of the table reads kilobytes of sealed data per case; a covering index scan of
      // case numbers is allowed (for part of a number).
      expect(steps.filter((d) => /^SCAN intake_case\b/.test(d) && !/COVERING INDEX/.test(d)), `${q}: ${steps.join(' / ')}`).toEqual([]);
    }
  });

  it('still finds a case by its full number, part of it, the name, the ID number and the central number', async () => {
    s = await openTestStack();
    const r = await acceptOne(s);
    await s.db.updateTable('intake_case').set({ central_number: 'SW2026000123' }).where('id', '=', r.caseId).execute();
    for (const q of [r.caseNumber, r.caseNumber.toLowerCase(), r.caseNumber.slice(-13), r.caseNumber.slice(-4), '吉少华', ID, ID.toLowerCase(), 'SW2026000123'])
      expect((await s.cases.list({ q, limit: 5 })).cases.map((c) => c.caseNumber), q).toEqual([r.caseNumber]);
    for (const q of ['无此人', '9999', 'HK01-W03-20000101-0001']) expect((await s.cases.list({ q, limit: 5 })).cases, q).toEqual([]);
  });

  it('finds the date and sequence people type through the tail index, with the same cases as matching anywhere in the number', async () => {
    s = await openTestStack();
    const numbers: string[] = [];
    for (const at of ['2026-09-28T02:00:00Z', '2026-09-28T03:00:00Z', '2026-09-29T02:00:00Z']) {
      s.clock.now = new Date(at);
      numbers.push((await acceptOne(s)).caseNumber);
    }
    const tail = numbers[2]!.slice(-13);
    for (const q of [tail, tail.slice(0, 8), tail.slice(0, 9), tail.slice(0, 11), numbers[0]!.slice(-13, -1), '20260928', '20260928-0002', '20261231'])
      expect(((await s.cases.list({ q, limit: 50 })).cases.map((c) => c.caseNumber)).sort(), q).toEqual(numbers.filter((n) => n.includes(q)).sort());
    for (const q of [tail, tail.slice(0, 8), tail.slice(0, 10)]) expect((await plan(s, q)).join(' / '), q).toMatch(/USING INDEX intake_case_number_tail/);
  });
});
