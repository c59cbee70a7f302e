import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { createApp, type App } from '../app/app';
import { closeLogging } from '../../platform/log/logger';
import { scanFolderForClearIds } from './data-folder-scan';

/**
 * Acceptance: after 300 intakes through the real app (router → intake service → sealed columns,
 * outbox, audit, logs) and a backup, no valid ID number is found in clear anywhere in the data
 * folder — database, WAL, logs, backups — as ASCII or UTF-16LE.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function idNumbers(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const birth = `19${String(50 + (i % 50)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    out.push(withIdCheckChar(`4601${String(i % 100).padStart(2, '0')}${birth}${String(100 + (i % 900)).padStart(3, '0')}`));
  }
  return out;
}

describe('no ID number in clear in the data folder', () => {
  it('the scanner itself finds clear numbers, ASCII and UTF-16LE, at any alignment', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-scan-'));
    dirs.push(dir);
    const [a, b] = idNumbers(2);
    fs.writeFileSync(path.join(dir, 'a.log'), `x ${a} y`);
    fs.writeFileSync(path.join(dir, 'b.bin'), Buffer.concat([Buffer.from([7]), Buffer.from(`-${b}-`, 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'c.txt'), `${a!.slice(0, 17)}0 4601**********0021`);
    const found = scanFolderForClearIds(dir);
    expect(found.map((f) => [path.basename(f.file), f.encoding])).toEqual([
      ['a.log', 'ascii'],
      ['b.bin', 'utf16le'],
    ]);
    expect(JSON.stringify(found)).not.toContain(a);
  });

  it('after 300 intakes (and a backup) the database, WAL, logs and backups hold none', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-scan-'));
    dirs.push(dir);
    const app: App = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' });
    let closed = false;
    try {
      const found = await app.invoke('catalog.search', { q: '证明', limit: 20 });
      const items = found.ok ? (found.value as { items: Array<{ code: string }> }).items : [];
      expect(found.ok ? [] : found.error).toEqual([]);
      expect(items.length).toBeGreaterThan(0);
      const ids = idNumbers(300);
      let accepted = 0;
      const failures: string[] = [];
      for (const [i, idNumber] of ids.entries()) {
        const item = items[i % items.length]!;
        const detail = await app.invoke('catalog.item', { code: item.code });
        const materials = detail.ok ? (detail.value as { materials: Array<{ code: string }> }).materials : [];
        // Every path an ID number takes: a live check (logs), the accept (db, outbox, audit).
        await app.invoke('intake.validateApplicant', { idNumber });
        const r = await app.invoke('intake.accept', {
          itemCode: item.code,
          applicant: { kind: 'person', idType: 'resident', idNumber, name: `测试${i}号`, phone: `1380000${String(i).padStart(4, '0')}`, address: `海南省海口市美兰区演示路 ${i} 号` },
          materials: materials.map((m) => ({ code: m.code, state: 'received' as const, originals: 1, copies: 1 })),
        });
        if (r.ok) accepted++;
        else failures.push(`${r.error.code}: ${r.error.message}`);
        if (r.ok && i % 50 === 0) await app.invoke('cases.reveal', { caseId: (r.value as { caseId: string }).caseId });
      }
      expect(failures.slice(0, 3)).toEqual([]);
      expect(accepted).toBe(300);
      fs.mkdirSync(path.join(dir, 'backups'), { recursive: true });
      await sql.raw(`vacuum into '${path.join(dir, 'backups', 'scan-test.db').replace(/'/g, "''")}'`).execute(app.services.database.db);
      // While running: the -wal file holds the recent pages.
      const whileRunning = scanFolderForClearIds(dir);
      const files = fs.readdirSync(dir, { recursive: true }).map(String);
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      expect(files.some((f) => f.startsWith('logs'))).toBe(true);
      expect(whileRunning).toEqual([]);
      await app.close();
      closed = true;
      closeLogging();
      expect(scanFolderForClearIds(dir)).toEqual([]);
    } finally {
      if (!closed) await app.close();
    }
  }, 240_000);
});
