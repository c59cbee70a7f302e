import type { Generated } from 'kysely';
import type { CatalogTables } from '../catalog/tables';
import type { IntakeTables } from '../intake/tables';
import type { ReviewTables } from '../reviews/tables';
import type { AuthTables } from '../auth/schema';
import type { SyncTables } from '../sync/tables';
import type { SignatureTables } from '../applicant-screen/tables';

export interface MetaTable {
  key: string;
  value: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  kind: string;
  aggregate_id: string;
  payload: string;
  created_at: string;
  state: Generated<'pending' | 'parked' | 'done'>;
  attempts: Generated<number>;
  last_error: string | null;
  parked_reason: string | null;
  done_at: string | null;
  central_result: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: string;
  algorithm: string;
  prev_hash: string;
  hash: string;
}

export interface CoreTables {
  meta: MetaTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
}

/** The whole local schema: each subsystem's tables interface is added to this list. */
export interface DB extends CoreTables, AuthTables, CatalogTables, IntakeTables, ReviewTables, SyncTables, SignatureTables {}
