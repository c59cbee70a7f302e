import type { Migration } from '../../../platform/db/migrator';
import { migration001 } from './001-central-core';
import { migration002 } from './002-device-heartbeat';
import { migration006 } from './006-handover';

/** Every central migration, statically imported, in order. Add new ones at the end; never edit a released one. 003–005 are held by parallel branches (the migrator allows the gap). */
export const centralMigrations: Migration[] = [migration001, migration002, migration006];
