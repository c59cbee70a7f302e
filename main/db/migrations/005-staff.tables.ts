/** Tables of migration 005 (staff roster cache, lockout state, retention log). */
export interface StaffTable {
  staff_id: string;
  name: string;
  /** JSON array of roles. */
  roles: string;
  password_hash: string | null;
  password_changed_at: string | null;
  must_change_password: number;
  active: number;
  source: 'central' | 'setup';
  roster_version: string | null;
  updated_at: string;
}

export interface StaffLockoutTable {
  staff_id: string;
  failures: number;
  hold_until: string | null;
  last_failure_at: string | null;
}

export interface RetentionPurgeTable {
  case_id: string;
  purged_at: string;
  days: number;
}

export interface AuthTables {
  staff: StaffTable;
  staff_lockout: StaffLockoutTable;
  retention_purge: RetentionPurgeTable;
}
