import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { openCentralStore } from '../../central/db/open';
import { CentralProcess, runCli } from '../../central/testing/central-process';
import { createApp } from '../app/app';
import { SAFE_KEY_FILE } from '../crypto/key-store';
import { openDatabase } from '../db/database';
import { readSyncStatus } from './status';
import { tempDir } from './testing/window-fixture';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 90_000 });
const ID = withIdCheckChar('46010219900101002');

/** A window data folder holding one case accepted through the app: its applicant sealed in the outbox. */
async function windowWithAcceptedCase(central: CentralProcess): Promise<{ dir: string; caseId: string }> {
  const dir = tempDir('cli-sealed');
  const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
  let caseId: string;
  try {
    app.services.sessions.set({ staffId: 'c1', name: '窗口一', roles: ['clerk'] });
    const search = await app.invoke('catalog.search', { q: 'shebaoka', limit: 5 });
    if (!search.ok) throw new Error(JSON.stringify(search.error));
    const item = (search.value as { items: Array<{ code: string }> }).items[0]!;
    const detail = await app.invoke('catalog.item', { code: item.code });
    if (!detail.ok) throw new Error(JSON.stringify(detail.error));
    const materials = (detail.value as { materials: Array<{ code: string; required: boolean }> }).materials
      .filter((m) => m.required)
      .map((m) => ({ code: m.code, state: 'received' as const }));
    const r = await app.invoke('intake.accept', { itemCode: item.code, applicant: { kind: 'person', idNumber: ID, name: '符海燕' }, materials });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    caseId = (r.value as { caseId: string }).caseId;
  } finally {
    await app.close();
  }
  // After the app closed: `enroll` writes, and one process writes a data folder at a time.
  const enrolled = await runCli(['enroll', '--central', central.url, '--code', await central.enrolmentCode('H01', 'W01'), '--data-dir', dir]);
  if (enrolled.code !== 0) throw new Error(enrolled.stderr);
  return { dir, caseId };
}

describe('yichuang sync run with applicants the app sealed', () => {
  const central = new CentralProcess(tempDir('cli-sealed-central'));
  afterAll(() => central.kill('SIGTERM'));

  test('opens them with the folder\'s key on the way out: the central gets a readable applicant', async () => {
    await central.start();
    const w = await windowWithAcceptedCase(central);
    const run = await runCli(['sync', 'run', '--until-empty', '--data-dir', w.dir]);
    expect(run.code === 0 ? 0 : run.stderr).toBe(0);
    const store = await openCentralStore({ dataDir: central.dataDir });
    try {
      const row = await store.db.selectFrom('cases').select('payload').where('id', '=', w.caseId).executeTakeFirstOrThrow();
      const payload = JSON.parse(row.payload);
      expect(payload.applicantSealed).toBeUndefined();
      expect(payload.applicant).toMatchObject({ name: '符海燕', idNumber: ID });
    } finally {
      await store.close();
    }
  });

  test('refuses to send them where the key is out of reach (kept by the desktop app), and keeps them', async () => {
    const w = await windowWithAcceptedCase(central);
    // As on a desktop PC: the key protected by the OS key store, no plain key file.
    const keys = path.join(w.dir, 'keys');
    fs.renameSync(path.join(keys, 'data.key'), path.join(keys, SAFE_KEY_FILE));
    const run = await runCli(['sync', 'run', '--until-empty', '--data-dir', w.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/读不到数据密钥/);
    const { cases } = await central.admin('/v1/admin/cases');
    expect(cases.some((c: { id: string }) => c.id === w.caseId)).toBe(false);
    const database = await openDatabase(w.dir);
    try {
      expect((await readSyncStatus(database.db)).pending).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });
});
