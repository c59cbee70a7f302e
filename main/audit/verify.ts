import type { Kysely } from 'kysely';
import { inReadSnapshot } from '../db/read-snapshot';
import type { DB } from '../db/schema';
import { auditHash, GENESIS, META_AUDIT_HEAD, type AuditAlgorithm } from './chain';

export type AuditProblemKind = 'edited' | 'deleted' | 'broken-link' | 'unknown-algorithm' | 'head-mismatch';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The entry where the chain breaks (the first one that no longer fits). */
  seq: number | null;
  message: string;
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  /** `seq:hash` of the last entry checked. */
  head: string | null;
  problems: AuditProblem[];
}

const PAGE = 2000;

/**
 * Walks the audit chain from the start: every entry's hash must match its content and the previous
 * entry's hash; `seq` must not skip (a deleted entry in the middle); the last entry must be the head
 * recorded in meta (a deleted or truncated tail). Called by `yichuang db check`. The pages and the
 * head are read in one snapshot (the caller's, or one of its own): entries appended meanwhile by
 * another process would otherwise look like a head that does not match.
 */
export function verifyAuditChain(db: Kysely<DB>, opts: { maxProblems?: number } = {}): Promise<AuditVerdict> {
  return inReadSnapshot(db, (snapshot) => walkChain(snapshot, opts.maxProblems ?? 20));
}

async function walkChain(db: Kysely<DB>, maxProblems: number): Promise<AuditVerdict> {
  const problems: AuditProblem[] = [];
  const report = (p: AuditProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  let prevHash = GENESIS;
  let prevSeq = 0;
  let entries = 0;
  for (let after = 0; ; ) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      entries++;
      if (r.seq !== prevSeq + 1)
        report({ kind: 'deleted', seq: r.seq, message: `审计记录 ${prevSeq + 1}–${r.seq - 1} 缺失（被删除）。` });
      if (r.algorithm !== 'sha256' && r.algorithm !== 'sm3') {
        report({ kind: 'unknown-algorithm', seq: r.seq, message: `审计记录 ${r.seq} 的算法未知：${r.algorithm.slice(0, 20)}。` });
      } else {
        const recomputed = auditHash(r.algorithm as AuditAlgorithm, r.prev_hash, r);
        if (recomputed !== r.hash) report({ kind: 'edited', seq: r.seq, message: `审计记录 ${r.seq} 的内容与其哈希不符（被改动）。` });
        // After a gap the link is broken by the deletion already reported.
        else if (r.prev_hash !== prevHash && r.seq === prevSeq + 1)
          report({ kind: 'broken-link', seq: r.seq, message: `审计记录 ${r.seq} 未接在上一条之后（链被改动）。` });
      }
      prevHash = r.hash;
      prevSeq = r.seq;
    }
    after = rows[rows.length - 1]!.seq;
  }
  const head = entries ? `${prevSeq}:${prevHash}` : null;
  const recorded = await db.selectFrom('meta').select('value').where('key', '=', META_AUDIT_HEAD).executeTakeFirst();
  if (recorded && recorded.value !== head)
    report({
      kind: 'head-mismatch',
      seq: Number(recorded.value.split(':')[0]) || null,
      message: `审计链末尾应为第 ${recorded.value.split(':')[0]} 条，实际为 ${head ? head.split(':')[0] : '无'}：末尾记录被删除或改动。`,
    });
  return { ok: problems.length === 0, entries, head, problems };
}
