import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * Cases, their materials and status history, the local case-number sequence, ratings and
 * rectification tasks. Items are referenced by code without a foreign key: a case keeps its item
 * snapshot even when a catalog delta later retires the item.
 */
const statements = [
  `create table intake_case (
    id text primary key,
    case_number text unique,
    central_number text,
    status text not null check (status in ('draft','accepted','accepted_deferred','rejected','withdrawn')),
    central_status text,
    item_code text not null,
    item_name text not null,
    promised_limit_value integer not null,
    promised_limit_unit text not null,
    bundle_id text,
    bundle_group_id text,
    hall_code text not null,
    window_code text not null,
    clerk_id text not null,
    clerk_name text not null,
    applicant_kind text check (applicant_kind in ('person','enterprise')),
    applicant_id_type text,
    applicant_name_sealed text,
    applicant_name_hash text,
    applicant_id_sealed text,
    applicant_id_hash text,
    applicant_phone_sealed text,
    applicant_address_sealed text,
    uscc text,
    legal_rep_name_sealed text,
    legal_rep_id_sealed text,
    legal_rep_id_hash text,
    credit_check text not null default 'not_checked' check (credit_check in ('not_checked','clear','flagged')),
    created_at text not null,
    updated_at text not null,
    accepted_at text,
    decided_at text,
    promised_date text,
    promised_provisional integer not null default 0,
    reject_reason text,
    withdraw_reason text,
    commitment_note text,
    note text,
    catalog_version integer not null,
    check (status in ('draft','withdrawn') or case_number is not null)
  )`,
  `create index intake_case_created on intake_case (created_at, id)`,
  `create index intake_case_applicant_id on intake_case (applicant_id_hash)`,
  `create index intake_case_applicant_name on intake_case (applicant_name_hash)`,
  `create index intake_case_legal_rep on intake_case (legal_rep_id_hash)`,
  `create index intake_case_uscc on intake_case (uscc)`,
  `create index intake_case_item on intake_case (item_code, created_at)`,
  `create table case_material (
    case_id text not null references intake_case (id) on delete cascade,
    code text not null,
    name text not null,
    required integer not null,
    state text not null check (state in ('received','licence','deferred','supplied','not_provided')),
    originals integer not null default 0,
    copies integer not null default 0,
    licence_id text,
    deadline text,
    deadline_provisional integer not null default 0,
    commitment_note text,
    supplied_at text,
    sort integer not null,
    primary key (case_id, code)
  )`,
  `create table case_history (
    seq integer primary key autoincrement,
    case_id text not null references intake_case (id) on delete cascade,
    at text not null,
    source text not null check (source in ('window','central')),
    status text not null,
    detail text
  )`,
  `create index case_history_case on case_history (case_id, seq)`,
  `create table case_sequence (
    hall_code text not null,
    window_code text not null,
    day text not null,
    last_seq integer not null,
    primary key (hall_code, window_code, day)
  )`,
  `create table rating (
    id text primary key,
    case_id text not null unique references intake_case (id),
    level integer not null check (level between 1 and 5),
    reasons text not null default '[]',
    text text,
    channel text not null,
    at text not null,
    clerk_id text not null
  )`,
  `create table rectification (
    id text primary key,
    rating_id text not null unique references rating (id),
    case_id text not null references intake_case (id),
    opened_at text not null,
    deadline text not null,
    deadline_provisional integer not null default 0,
    state text not null check (state in ('open','closed')),
    closed_at text,
    closed_by text,
    note text,
    follow_up_result text,
    check (state = 'open' or (closed_at is not null and note is not null and follow_up_result is not null))
  )`,
  `create index rectification_state on rectification (state, deadline)`,
];

export const migration003: Migration = {
  version: 3,
  name: 'intake',
  async up(trx: Transaction<any>) {
    for (const s of statements) await sql.raw(s).execute(trx);
  },
};
