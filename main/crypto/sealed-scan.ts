import { sql } from 'kysely';
import type { Database } from '../db/database';
import { CipherName, ConfiguredPiiCipher } from './cipher-setting';
import { SM4_ALG } from './sm4-cipher';

/** A sealed value anywhere in a text (a column, or a field inside a JSON payload such as the outbox). */
const SEALED = new RegExp(`v1\\.(?:aes256gcm|${SM4_ALG})\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*`, 'g');

export interface SealedFit {
  /** Sealed values found in the database. */
  total: number;
  /** How many of them this key opens. */
  opened: number;
}

/**
 * Which data in the database a key opens. Every table's every column is searched for sealed values
 * (`v1.<alg>.…`), so a new sealed column or payload field is covered without a list to keep up to
 * date. Sealing is authenticated (GCM tag, HMAC-SM3), so "opens" is conclusive, never a guess.
 * `stopAtFirst` ends the walk at the first value that opens (enough to refuse a replacement).
 */
export async function sealedFit(database: Database, key: Buffer, opts: { stopAtFirst?: boolean } = {}): Promise<SealedFit> {
  const cipher = new ConfiguredPiiCipher(key, CipherName.enum.aes256gcm, CipherName.enum.aes256gcm);
  const fit: SealedFit = { total: 0, opened: 0 };
  for (const { table, column } of await listTextColumns(database)) {
    for (const sealed of await matchesIn(database, table, column)) {
      fit.total++;
      if (!opens(cipher, sealed)) continue;
      fit.opened++;
      if (opts.stopAtFirst) return fit;
    }
  }
  return fit;
}

function opens(cipher: ConfiguredPiiCipher, sealed: string): boolean {
  try {
    cipher.open(sealed);
    return true;
  } catch {
    return false; // sealed with another key
  }
}

async function listTextColumns(database: Database): Promise<Array<{ table: string; column: string }>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(database.db);
  const out: Array<{ table: string; column: string }> = [];
  for (const { name } of tables.rows) {
    const cols = await sql<{ name: string; type: string }>`select name, type from pragma_table_info(${name})`.execute(database.db);
    for (const c of cols.rows) if (!/INT|REAL|BLOB/i.test(c.type)) out.push({ table: name, column: c.name });
  }
  return out;
}

async function matchesIn(database: Database, table: string, column: string): Promise<string[]> {
  const rows = await sql<{ v: string }>`select ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.ref(column)} like '%v1.aes256gcm.%' or ${sql.ref(column)} like ${`%v1.${SM4_ALG}.%`}`.execute(
    database.db,
  );
  return rows.rows.flatMap((r) => (typeof r.v === 'string' ? [...r.v.matchAll(SEALED)].map((m) => m[0]) : []));
}
