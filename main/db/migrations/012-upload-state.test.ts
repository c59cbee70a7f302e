import { describe, expect, it } from 'vitest';
import { latestVersion, schemaVersion } from '../../../platform/db/migrator';
import { migrations } from './index';
import { upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m012-');

describe('migration 012 (upload state)', () => {
  it('upgrades a version-11 database: its meta survives, upload_state starts empty and keeps a resumable upload', async () => {
    let d = await folder.open(11);
    await d.db.insertInto('meta').values({ key: 'sync.central_url', value: 'http://central' }).execute();
    d = await folder.open();
    expect(await schemaVersion(d.db)).toBe(latestVersion(migrations));
    expect(await d.db.selectFrom('meta').select('value').where('key', '=', 'sync.central_url').executeTakeFirst()).toEqual({ value: 'http://central' });
    expect(await d.db.selectFrom('upload_state').selectAll().execute()).toEqual([]);
    const row = { sha256: 'a'.repeat(64), size: 10, upload_url: 'http://central/v1/uploads/x', acked_bytes: 4, attempts: 1, last_error: null, next_attempt_at: null, updated_at: '2026-12-02T00:00:00Z' };
    await d.db.insertInto('upload_state').values(row).execute();
    await expect(d.db.insertInto('upload_state').values(row).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    expect(await d.db.selectFrom('upload_state').selectAll().execute()).toEqual([row]);
  });
});
