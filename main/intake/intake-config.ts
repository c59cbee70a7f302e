import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** Local rules kept in meta (central may push them): working days for 容缺 supply and rectification. */
export interface IntakeConfig {
  deferredSupplyWorkdays: number;
  /** 差评整改 deadline; 5 and 15 are both in use (DOMAIN.md). */
  rectificationWorkdays: number;
}

const KEYS = { deferredSupplyWorkdays: 'deferred_supply_workdays', rectificationWorkdays: 'rectification_workdays' } as const;
const DEFAULTS: IntakeConfig = { deferredSupplyWorkdays: 5, rectificationWorkdays: 5 };

export async function readIntakeConfig(db: Kysely<DB> | Transaction<DB>): Promise<IntakeConfig> {
  const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
  const get = (k: keyof IntakeConfig) => {
    const v = Number(rows.find((r) => r.key === KEYS[k])?.value);
    return Number.isInteger(v) && v >= 1 && v <= 60 ? v : DEFAULTS[k];
  };
  return { deferredSupplyWorkdays: get('deferredSupplyWorkdays'), rectificationWorkdays: get('rectificationWorkdays') };
}

export async function writeIntakeConfig(db: Kysely<DB>, patch: Partial<IntakeConfig>): Promise<void> {
  for (const [k, v] of Object.entries(patch) as Array<[keyof IntakeConfig, number]>) {
    if (!Number.isInteger(v) || v < 1 || v > 60) throw new Error(`${k} 应为 1 到 60 之间的整数`);
    const value = String(v);
    await db.insertInto('meta').values({ key: KEYS[k], value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
}
