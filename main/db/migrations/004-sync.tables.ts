import type { Generated } from 'kysely';

/** Tables of migration 004 (sync). Enrolment, cursors and generation are `sync.*` keys in `meta`. */
export interface CentralCatalogTable {
  entity: string;
  key: string;
  data: string;
  version: number;
}

export interface SyncLookupTable {
  id: Generated<number>;
  kind: 'licences' | 'credit';
  subject: string;
  subject_hash: string;
  subject_type: string;
  case_id: string | null;
  created_at: string;
  state: Generated<'pending' | 'done'>;
  checked_at: string | null;
  result: string | null;
}

export interface SyncTables {
  central_catalog: CentralCatalogTable;
  sync_lookup: SyncLookupTable;
}
