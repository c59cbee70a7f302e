import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../auth/testing';
import { readDbReport } from '../ops/diag/db-report';
import { checkDatabase, type DbCheckReport } from '../audit/db-check';
import { openForReading } from './read-only';

const BIN = path.resolve(import.meta.dirname, '../../bin/yichuang.mjs');
const dir = tempDir('yc-check-live-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

/** What a check of a healthy database may not say, however busy its writer is. */
function falseProblems(r: DbCheckReport): string[] {
  const out: string[] = [];
  if (!r.audit.ok) out.push(...r.audit.problems.map((p) => `audit ${p.kind}`));
  if (sum(r.casesByStatus) !== r.counts.intake_case) out.push(`casesByStatus ${sum(r.casesByStatus)} ≠ intake_case ${r.counts.intake_case}`);
  if (sum(r.outboxByState) !== r.counts.outbox) out.push(`outboxByState ${sum(r.outboxByState)} ≠ outbox ${r.counts.outbox}`);
  if (r.audit.entries !== r.counts.audit_log) out.push(`audit entries ${r.audit.entries} ≠ audit_log ${r.counts.audit_log}`);
  if (!r.ok) out.push('not ok');
  return out;
}

describe('db check while another process writes', () => {
  it('reports no false problem: one snapshot for every count and the audit chain', { timeout: 300_000 }, async () => {
    // The writer: the real CLI accepting demo cases through the intake service, one transaction each.
    const writer = spawn(process.execPath, [BIN, 'cases', 'create-demo', '--count', '100000', '--seed', '13', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let accepted = 0;
    let stderr = '';
    writer.stderr.on('data', (d) => (stderr += String(d)));
    const started = new Promise<void>((resolve, reject) => {
      writer.stdout.on('data', (d) => {
        accepted += String(d).split('\n').filter(Boolean).length;
        if (accepted >= 20) resolve();
      });
      writer.once('exit', (code) => reject(new Error(`writer exited (${code}): ${stderr}`)));
    });
    try {
      await started;
      const seen = new Set<number>();
      const failures: string[] = [];
      // At least 30 checks, and on until the writer has visibly moved between them (bounded).
      let runs = 0;
      for (; runs < 30 || (seen.size < 10 && runs < 300); runs++) {
        const database = await openForReading(dir, { anySchema: true });
        try {
          const r = await checkDatabase(database);
          seen.add(r.counts.intake_case!);
          const problems = falseProblems(r);
          if (problems.length) failures.push(`run ${runs + 1}: ${problems.join('; ')}`);
        } finally {
          await database.close();
        }
        // The diagnostics bundle's own read-only report: its counts must agree with each other too.
        const diag = await readDbReport(dir);
        if (diag.sync && sum(diag.sync.outbox) !== diag.db.tables.outbox)
          failures.push(`run ${runs + 1}: diag outbox by state ${sum(diag.sync.outbox)} ≠ outbox ${diag.db.tables.outbox}`);
      }
      console.log(`db check under a live writer: ${failures.length}/${runs} runs reported a false problem; ${seen.size} distinct case counts seen`);
      expect(writer.exitCode).toBeNull(); // still writing: the checks ran against a moving database
      expect(seen.size).toBeGreaterThanOrEqual(10);
      expect(failures).toEqual([]);
    } finally {
      writer.kill('SIGKILL');
      await new Promise((r) => (writer.exitCode === null && writer.signalCode === null ? writer.once('exit', r) : r(null)));
    }
  });
});
