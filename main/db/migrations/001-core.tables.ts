import type { Generated } from 'kysely';

/** Tables of migration 001: settings-like keys, the outbox, the audit chain. */
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
