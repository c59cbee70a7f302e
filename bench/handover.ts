import pino from 'pino';
import { classifyScan } from '../common/domain/scan-routing';
import { createRouter } from '../main/api/router';
import { handoverHandlers } from '../main/api/handlers/handover';
import type { Services } from '../main/api/services';
import { handoverOver } from '../main/handover/testing';
import { itemCode, openTestStack, samplePerson } from '../main/intake/testing';
import { applyCaseStatusPage } from '../main/sync/pull-case-status';
import { percentile } from './stats';
import type { Bench } from './types';

const CASES = 3000;
const LOOKUPS = 2000;

/**
 * 出件: a scanned notice QR → the result the window shows (classify the scan, `handover.find`
 * through the router: validation, role check, case-number look-up, result, handover, agent, the
 * applicant's name unsealed and masked), against the physical floor of the same answer's first
 * step: one raw prepared sqlite3 look-up of the case number in its index, same file, same run.
 */
export const bench: Bench = {
  name: 'handover-find',
  async run() {
    const s = await openTestStack();
    try {
      const code = itemCode(s, '失业保险金申领');
      const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
      const numbers: string[] = [];
      const changes = [];
      for (let i = 0; i < CASES; i++) {
        const r = await s.intake.accept({ itemCode: code, applicant: samplePerson, materials }, s.actor);
        numbers.push(r.caseNumber!);
        const result = { outcome: 'approved' as const, ready: true, items: [{ name: '准予行政许可决定书', count: 1 }], delivery: 'window' as const };
        changes.push({ cursor: i + 1, caseId: r.caseId, status: 'completed_approved' as const, at: new Date().toISOString(), note: null, centralCaseNumber: null, result });
      }
      await applyCaseStatusPage(s.db, changes, CASES);
      const router = createRouter(handoverHandlers({ handover: handoverOver(s) } as unknown as Services), pino({ level: 'silent' }));
      const session = { staffId: 'clerk01', name: '王小明', roles: ['clerk' as const] };
      const stmt = s.database.raw.prepare('select id from intake_case where case_number = ?');
      const rawGet = (n: string) => new Promise<unknown>((resolve, reject) => stmt.get([n], (err, row) => (err ? reject(err) : resolve(row))));
      const shown: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < LOOKUPS; i++) {
        const n = numbers[(i * 7919) % CASES]!;
        let t = performance.now();
        const kind = classifyScan(n);
        if (kind.kind !== 'case') throw new Error('not a case number');
        const r = await router.invoke('handover.find', { caseNumber: kind.caseNumber }, { session });
        shown.push(performance.now() - t);
        if (!r.ok || (r.value as { stage: string }).stage !== 'ready') throw new Error(`handover.find failed: ${JSON.stringify(r)}`);
        t = performance.now();
        if (!(await rawGet(n))) throw new Error('raw look-up found nothing');
        raw.push(performance.now() - t);
      }
      stmt.finalize();
      const p50 = percentile(shown, 50);
      const raw50 = percentile(raw, 50);
      return [
        {
          bench: 'handover-find',
          ratio: p50 / raw50,
          baseline: 'one raw prepared sqlite3 case-number look-up in its index (same file, same run)',
          goal: 'scan → result well under a frame (16 ms); the ratio shows what the result, handover, agent and unsealing add',
          p50_ms: p50,
          p99_ms: percentile(shown, 99),
          raw_p50_ms: raw50,
          cases: CASES,
          lookups: LOOKUPS,
        },
      ];
    } finally {
      await s.close();
    }
  },
};
