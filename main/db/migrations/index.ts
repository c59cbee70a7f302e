import type { Migration } from '../migrator';
import { migration001 } from './001-core';

/** Every migration, statically imported, in order. Add new ones at the end; never edit a released one. */
export const migrations: Migration[] = [migration001];
