import type { Migration } from '../../../platform/db/migrator';

/**
 * Placeholders for window versions 11–13, which other branches of issue 17 (queue, handover) own.
 * The migrator wants versions without gaps, so this branch carries empty ones to test its 014.
 * MERGE NOTE: delete this file (and its line in index.ts) once the real 011–013 are in.
 */
export const reservedMigrations: Migration[] = [11, 12, 13].map((version) => ({ version, name: `reserved-${version}`, async up() {} }));
