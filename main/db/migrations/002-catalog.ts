import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/** The service item catalog (items, materials, bundles, releases) and central calendar overrides. */
const statements = [
  `create table catalog_item (
    code text primary key,
    base_code text not null,
    name text not null,
    item_type text not null,
    served_parties text not null default '[]',
    department text not null,
    handling_departments text not null default '[]',
    legal_limit_value integer not null,
    legal_limit_unit text not null check (legal_limit_unit in ('workday','day','hour','immediate')),
    promised_limit_value integer not null,
    promised_limit_unit text not null check (promised_limit_unit in ('workday','day','hour','immediate')),
    fee text not null default '不收费',
    conditions text,
    search_pinyin text not null,
    search_initials text not null,
    search_dept_pinyin text not null,
    version integer not null,
    updated_at text not null
  )`,
  `create index catalog_item_base_code on catalog_item (base_code)`,
  `create table catalog_material (
    item_code text not null references catalog_item (code) on delete cascade,
    code text not null,
    key text not null,
    name text not null,
    issuer text,
    originals integer not null default 0,
    copies integer not null default 0,
    required integer not null default 1,
    deferral_allowed integer not null default 0,
    licence_type_code text,
    licence_type_name text,
    form_ref text,
    sample_ref text,
    note text,
    sort integer not null,
    primary key (item_code, code)
  )`,
  `create table catalog_bundle (
    id text primary key,
    name text not null,
    theme text not null,
    description text not null,
    definition text not null,
    version integer not null
  )`,
  // One row per catalog version applied; a central delta and its release row commit together.
  `create table catalog_release (
    version integer primary key,
    applied_at text not null,
    source text not null,
    item_count integer not null
  )`,
  `create table calendar_override (
    date text primary key,
    kind text not null check (kind in ('workday','holiday')),
    name text,
    updated_at text not null
  )`,
];

export const migration002: Migration = {
  version: 2,
  name: 'catalog',
  async up(trx: Transaction<any>) {
    for (const s of statements) await sql.raw(s).execute(trx);
  },
};
