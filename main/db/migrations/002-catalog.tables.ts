/** Tables of the service item catalog and the working-day calendar overrides (migration 002). */

export interface CatalogItemTable {
  /** 实施编码: the key cases refer to. Opaque. */
  code: string;
  base_code: string;
  name: string;
  item_type: string;
  /** JSON array of served-party codes. */
  served_parties: string;
  department: string;
  /** JSON array. */
  handling_departments: string;
  legal_limit_value: number;
  legal_limit_unit: string;
  promised_limit_value: number;
  promised_limit_unit: string;
  fee: string;
  conditions: string | null;
  /** Search keys computed once at import: full pinyin, initials (both lower-case, no spaces). */
  search_pinyin: string;
  search_initials: string;
  search_dept_pinyin: string;
  version: number;
  updated_at: string;
}

export interface CatalogMaterialTable {
  item_code: string;
  code: string;
  key: string;
  name: string;
  issuer: string | null;
  originals: number;
  copies: number;
  required: number;
  deferral_allowed: number;
  licence_type_code: string | null;
  licence_type_name: string | null;
  form_ref: string | null;
  sample_ref: string | null;
  note: string | null;
  sort: number;
}

export interface CatalogBundleTable {
  id: string;
  name: string;
  theme: string;
  description: string;
  /** JSON: questions and rules (validated with zod on load). */
  definition: string;
  version: number;
}

export interface CatalogReleaseTable {
  version: number;
  applied_at: string;
  source: string;
  item_count: number;
}

export interface CalendarOverrideTable {
  date: string;
  kind: 'workday' | 'holiday';
  name: string | null;
  updated_at: string;
}

export interface CatalogTables {
  catalog_item: CatalogItemTable;
  catalog_material: CatalogMaterialTable;
  catalog_bundle: CatalogBundleTable;
  catalog_release: CatalogReleaseTable;
  calendar_override: CalendarOverrideTable;
}
