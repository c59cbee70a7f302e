import type { Migration } from '../../../platform/db/migrator';

/**
 * Placeholders for central versions 3 and 4, which other branches of issue 17 (queue, handover) own.
 * The migrator wants versions without gaps, so this branch carries empty ones to test its 005.
 * MERGE NOTE: delete this file (and its line in index.ts) once the real 003 and 004 are in.
 */
export const reservedCentralMigrations: Migration[] = [3, 4].map((version) => ({ version, name: `reserved-${version}`, async up() {} }));
