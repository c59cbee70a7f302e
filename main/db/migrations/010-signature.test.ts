import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { latestVersion, schemaVersion } from '../../../platform/db/migrator';
import { migrations } from './index';
import { insertAcceptedCase, upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m010-');

describe('migration 010 (applicant signature)', () => {
  it('upgrades a version-9 database with a case in it: the case keeps its data, unsigned, and can then be signed once', async () => {
    let d = await folder.open(9);
    expect(await schemaVersion(d.db)).toBe(9);
    // Written as a version-9 window did (no signature columns yet).
    await insertAcceptedCase(d.db);
    d = await folder.open();
    expect(await schemaVersion(d.db)).toBe(latestVersion(migrations));
    expect(await d.db.selectFrom('intake_case').select(['case_number', 'clerk_name', 'signature_sha256', 'signature_state']).executeTakeFirstOrThrow()).toEqual({
      case_number: 'HK01-W03-20261201-0001',
      clerk_name: '王小明',
      signature_sha256: null,
      signature_state: null,
    });
    const row = { case_id: 'c1', outcome: 'signed' as const, source: 'screen', strokes_sealed: 'v1.x', png_sealed: 'v1.y', sha256: 'ab'.repeat(32), refusal_reason: null, at: 'now', clerk_id: 'clerk01' };
    await d.db.insertInto('case_signature').values({ id: 's1', ...row }).execute();
    // One outcome per case; a signed row needs its hash (and a refusal has none); the case must exist.
    await expect(d.db.insertInto('case_signature').values({ id: 's2', ...row }).execute()).rejects.toThrow(/UNIQUE/);
    await sql`pragma foreign_keys = on`.execute(d.db);
    await expect(d.db.insertInto('case_signature').values({ id: 's3', ...row, case_id: 'missing' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await d.db.deleteFrom('case_signature').execute();
    await expect(d.db.insertInto('case_signature').values({ id: 's4', ...row, sha256: null }).execute()).rejects.toThrow(/CHECK/);
    await expect(d.db.insertInto('case_signature').values({ id: 's5', ...row, outcome: 'refused' }).execute()).rejects.toThrow(/CHECK/);
  });
});
