import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { itemCode, openTestStack, type TestStack } from '../intake/testing';
import { backupDatabase, backupFileName, pruneBackups } from './backup';
import { checkDatabase } from '../audit/db-check';
import { openDatabase } from './database';

let s: TestStack;
beforeEach(async () => {
  s = await openTestStack();
});
afterEach(async () => s.close());

describe('backup and check', () => {
  it('backs up online while cases are being accepted; the copy opens and checks clean', async () => {
    const code = itemCode(s, '内地居民结婚登记');
    const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
    const applicant = { kind: 'person' as const, idType: 'resident' as const, idNumber: withIdCheckChar('46010219900101002'), name: '林晓' };
    const accepting = Promise.all(Array.from({ length: 10 }, () => s.intake.accept({ itemCode: code, applicant, materials }, s.actor)));
    const file = path.join(s.dir, 'backups', backupFileName(new Date('2026-11-27T01:02:03Z')));
    expect(path.basename(file)).toBe('yichuang-20261127-010203.db');
    const r = await backupDatabase(s.database, file);
    await accepting;
    expect(r.bytes).toBeGreaterThan(0);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
    const copy = await openDatabase(file);
    try {
      const report = await checkDatabase(copy);
      expect(report).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0, duplicateCaseNumbers: 0 });
      expect(report.counts.catalog_item).toBeGreaterThanOrEqual(40);
    } finally {
      await copy.close();
    }
    const live = await checkDatabase(s.database);
    expect(live.counts.intake_case).toBe(10);
    expect(live.casesByStatus).toEqual({ accepted: 10 });
    expect(live.outboxByState).toEqual({ pending: 10 });
  });

  it('keeps only the newest backups', () => {
    const dir = path.join(s.dir, 'b');
    fs.mkdirSync(dir);
    for (const t of ['20261120-000000', '20261121-000000', '20261122-000000']) fs.writeFileSync(path.join(dir, `yichuang-${t}.db`), '');
    fs.writeFileSync(path.join(dir, 'other.txt'), '');
    expect(pruneBackups(dir, 2)).toEqual(['yichuang-20261120-000000.db']);
    expect(fs.readdirSync(dir).sort()).toEqual(['other.txt', 'yichuang-20261121-000000.db', 'yichuang-20261122-000000.db']);
  });
});
