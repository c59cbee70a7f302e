import type { Migration } from '../../../platform/db/migrator';
import { migration001 } from './001-central-core';
import { migration002 } from './002-device-heartbeat';
import { migration003 } from './003-received-blobs';
import { migration006 } from './006-handover';

/** Every central migration, statically imported, in order. Add new ones at the end; never edit a released one. */
export const centralMigrations: Migration[] = [migration001, migration002, migration003, migration006];
