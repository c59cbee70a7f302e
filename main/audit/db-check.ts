import { sql, type Kysely } from 'kysely';
import { verifyAuditChain, type AuditVerdict } from './verify';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { schemaVersion } from '../../platform/db/migrator';
import { inReadSnapshot } from '../db/read-snapshot';

export interface DbCheckReport {
  ok: boolean;
  file: string;
  schemaVersion: number;
  integrity: string[];
  foreignKeyViolations: number;
  counts: Record<string, number>;
  casesByStatus: Record<string, number>;
  outboxByState: Record<string, number>;
  /** Local case numbers issued more than once (must be 0). */
  duplicateCaseNumbers: number;
  /** The audit hash chain: edited, deleted or re-linked entries (main/audit/verify.ts). */
  audit: AuditVerdict;
}

/**
 * `integrity_check` (full, unlike the quick check at startup), foreign keys, row counts and the
 * audit chain, all read in one snapshot: counts that disagree or a chain head that moved would
 * otherwise be reported while another process (the app) goes on writing.
 */
export function checkDatabase(database: Database): Promise<DbCheckReport> {
  return inReadSnapshot(database.db, (db) => checkSnapshot(db, database.file));
}

async function checkSnapshot(db: Kysely<DB>, file: string): Promise<DbCheckReport> {
  const integrity = (await sql<Record<string, string>>`pragma integrity_check`.execute(db)).rows.map((r) => String(Object.values(r)[0]));
  const fk = (await sql`pragma foreign_key_check`.execute(db)).rows.length;
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)).rows;
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(db);
    counts[t.name] = Number(r.rows[0]?.n ?? 0);
  }
  const group = async (table: string, column: string) => {
    if (!(table in counts)) return {};
    const rows = (await sql<{ k: string; n: number }>`select ${sql.ref(column)} as k, count(*) as n from ${sql.table(table)} group by 1`.execute(db)).rows;
    return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
  };
  const dup =
    'intake_case' in counts
      ? Number(
          (await sql<{ n: number }>`select count(*) as n from (select case_number from intake_case where case_number is not null group by case_number having count(*) > 1)`.execute(db))
            .rows[0]?.n ?? 0,
        )
      : 0;
  const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
  const audit = await verifyAuditChain(db);
  return {
    ok: integrityOk && fk === 0 && dup === 0 && audit.ok,
    file,
    schemaVersion: await schemaVersion(db),
    integrity,
    foreignKeyViolations: fk,
    counts,
    casesByStatus: await group('intake_case', 'status'),
    outboxByState: await group('outbox', 'state'),
    duplicateCaseNumbers: dup,
    audit,
  };
}
