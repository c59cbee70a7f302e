import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { CentralProcess } from '../../central/testing/central-process';
import { CorruptingProxy } from '../../central/testing/corrupting-proxy';
import { createTestDatabase, PG_SKIP_REASON, TEST_PG_URL, type TestDatabase } from '../../central/testing/postgres';
import { openDatabase, type Database } from '../db/database';
import { enrolledWindow, tempDir } from '../sync/testing/window-fixture';
import { readSyncMeta } from '../sync/sync-meta';
import { readStates } from './state';
import { expectHeldOnce } from './testing/central-blobs';
import { FolderSource } from './testing/folder-source';
import { Uploader, type UploadProgress } from './uploader';

// The uploader against the central as a real process over loopback. Small chunks so a kill lands
// mid-blob; short back-offs keep it quick. Nothing here asserts a timing.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 90_000 });
const FAST = { baseMs: 30, maxMs: 300 };
const CHUNK = 256 * 1024;
let windowNo = 0;

if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);

describe.each([
  { backend: 'sqlite', skip: false },
  { backend: 'postgres', skip: !TEST_PG_URL },
])('material uploads to the central on $backend (tus)', ({ backend, skip }) => {
  let pgDatabase: TestDatabase | undefined;
  let central: CentralProcess;
  const open: Database[] = [];
  const it = skip ? test.skip : test;
  beforeAll(async () => {
    if (skip) return;
    if (backend === 'postgres') pgDatabase = await createTestDatabase();
    central = new CentralProcess(tempDir('central-up'), pgDatabase?.url);
    await central.start();
  });
  afterAll(async () => {
    await central?.kill('SIGTERM');
    for (const d of open) await d.close();
    await pgDatabase?.drop();
  });

  async function newWindow(centralUrl?: string) {
    const code = await central.enrolmentCode('H01', `U${++windowNo}`);
    const w = await enrolledWindow(centralUrl ?? central.url, code, 'win-up');
    open.push(w.database);
    const source = new FolderSource(path.join(w.dir, 'blobs'));
    return { ...w, source };
  }
  const blobs = (source: FolderSource, sizes: number[]) =>
    sizes.map((size, i) => {
      const bytes = crypto.randomBytes(size);
      source.add(bytes, { caseId: `case-${windowNo}-${i}`, materialCode: `M${i}` });
      return bytes;
    });

  it('uploads several blobs, reports progress, and only then lets the store drop them; a second pass has nothing to do', async () => {
    const w = await newWindow();
    const files = blobs(w.source, [1_000_000, 300_000, 10, 2 * CHUNK]);
    const progress: UploadProgress[] = [];
    const uploader = new Uploader({ db: w.database.db, source: w.source, backoff: FAST, chunkSize: CHUNK, onProgress: (p) => progress.push({ ...p }) });
    const r = await uploader.runUntilEmpty();
    expect(r).toMatchObject({ remaining: 0, offline: false });
    await expectHeldOnce(central, files);
    expect(w.source.confirmedShas).toHaveLength(4);
    expect(await w.source.pending()).toEqual([]);
    expect((await readStates(w.database.db)).size).toBe(0);
    const big = progress.filter((p) => p.total === 1_000_000);
    expect(big.at(-1)?.sent).toBe(1_000_000);
    expect(big.some((p) => p.sent > 0 && p.sent < 1_000_000)).toBe(true);
    expect(await uploader.runOnce()).toMatchObject({ confirmed: 0, remaining: 0 });
  });

  it('a nudge starts a pass at once, and one during a pass runs another right after it (new files are not left to the idle timer)', async () => {
    const w = await newWindow();
    const [first] = blobs(w.source, [3 * CHUNK]);
    let later: Buffer | undefined;
    const uploader = new Uploader({
      db: w.database.db,
      source: w.source,
      backoff: FAST,
      chunkSize: CHUNK,
      intervalMs: 3_600_000,
      onProgress: () => {
        if (later) return;
        // A decision commits another file while the pass that listed only the first is running.
        later = crypto.randomBytes(1000);
        w.source.add(later, { caseId: 'case-later', materialCode: 'M9' });
        uploader.nudge();
      },
    });
    uploader.start(3_600_000);
    try {
      uploader.nudge();
      await vi.waitFor(() => expect(w.source.confirmedShas).toHaveLength(2), { timeout: 60_000, interval: 50 });
      await expectHeldOnce(central, [first!, later!]);
    } finally {
      uploader.stop();
    }
  });

  it('the same bytes in two windows are held once (the second is a no-op success)', async () => {
    const a = await newWindow();
    const b = await newWindow();
    const bytes = crypto.randomBytes(400_000);
    a.source.add(bytes, { caseId: 'case-a', materialCode: 'M1' });
    b.source.add(bytes, { caseId: 'case-b', materialCode: 'M1' });
    for (const w of [a, b]) expect((await new Uploader({ db: w.database.db, source: w.source, backoff: FAST, chunkSize: CHUNK }).runUntilEmpty()).remaining).toBe(0);
    await expectHeldOnce(central, [bytes]);
    expect(b.source.confirmedShas).toHaveLength(1);
  });

  it('a window process killed -9 mid-upload resumes where the central has it: byte-identical, exactly once', async () => {
    const w = await newWindow();
    // A first blob of 32 chunks: the kill lands well inside it.
    const files = blobs(w.source, [8 * 1024 * 1024, 2_000_000, 1_500_000]);
    const firstSha = crypto.createHash('sha256').update(files[0]!).digest('hex');
    // The data folder has one owner at a time: the window process.
    await w.database.close();
    open.splice(open.indexOf(w.database), 1);
    const fixture = path.join(import.meta.dirname, 'testing', 'fixtures', 'upload-window.ts');
    const run = () => spawn(process.execPath, ['--import', 'tsx', fixture, w.dir, String(CHUNK)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const child = run();
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d) => {
        out += String(d);
        // The first blob resumable (its URL saved) and some of its chunks sent: SIGKILL mid-transfer.
        const lines = out.split('\n');
        if (lines.includes(`resumable ${firstSha}`) && lines.some((l) => l.startsWith(`progress ${firstSha}`) && Number(l.split(' ')[2]) > 4 * CHUNK)) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(out).not.toContain('done');
    const db = await openDatabase(w.dir);
    const states = await readStates(db.db);
    const { credential } = await readSyncMeta(db.db);
    await db.close();
    // The tus URL was kept (the chunk acknowledgements are saved on the way and may lag a kill).
    const resumable = states.get(firstSha);
    expect(resumable?.upload_url).toBeTruthy();
    const head = await fetch(resumable!.upload_url!, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${credential}` } });
    const heldOffset = Number(head.headers.get('upload-offset'));
    // The URL comes with the creation POST that carried the first chunk.
    expect(heldOffset).toBeGreaterThan(0);

    const again = run();
    let rest = '';
    again.stdout.on('data', (d) => (rest += String(d)));
    again.once('error', () => undefined);
    await new Promise((r) => again.once('exit', r));
    expect(rest).toContain('done 0');
    // The resumed upload starts where the central has it (HEAD), not at 0; when the kill came after
    // the central had the last byte, the window confirms it without sending any.
    const firstSent = rest.split('\n').find((l) => l.startsWith(`progress ${resumable!.sha256}`));
    if (heldOffset < files[0]!.length) expect(Number(firstSent?.split(' ')[2])).toBeGreaterThanOrEqual(heldOffset);
    else expect(firstSent).toBeUndefined();
    await expectHeldOnce(central, files);
  });

  it('the central killed -9 mid-upload and restarted: the uploader pauses, resumes, and the central holds each file once', async () => {
    const w = await newWindow();
    const files = blobs(w.source, [2_500_000, 1_200_000]);
    let restart: Promise<unknown> | null = null;
    const offline: boolean[] = [];
    const uploader = new Uploader({
      db: w.database.db,
      source: w.source,
      backoff: FAST,
      chunkSize: CHUNK,
      onProgress: (p) => {
        if (!restart && p.sent > 3 * CHUNK) restart = central.kill('SIGKILL').then(() => central.start());
      },
      onPass: (r) => offline.push(r.offline),
    });
    const r = await uploader.runUntilEmpty();
    await restart;
    expect(r.remaining).toBe(0);
    expect(offline).toContain(true);
    await expectHeldOnce(central, files);
  });

  it('a chunk damaged on the way is refused by its checksum (460) and re-sent', async () => {
    const proxy = new CorruptingProxy(() => central.url);
    await proxy.start();
    try {
      const w = await newWindow(proxy.url);
      const files = blobs(w.source, [5 * CHUNK]);
      proxy.corruptPatches = 2;
      const r = await new Uploader({ db: w.database.db, source: w.source, backoff: FAST, chunkSize: CHUNK }).runUntilEmpty();
      expect(r.remaining).toBe(0);
      expect(proxy.patchAnswers.filter((s) => s === 460)).toHaveLength(2);
      await expectHeldOnce(central, files);
    } finally {
      await proxy.close();
    }
  });

  it('a file whose whole hash does not match is refused, never marked received, and sent again from the start', async () => {
    const proxy = new CorruptingProxy(() => central.url);
    await proxy.start();
    try {
      const w = await newWindow(proxy.url);
      const files = blobs(w.source, [3 * CHUNK]);
      // Damage that the chunk checksum cannot see (rewritten to match): only the whole-file hash can.
      proxy.corruptPatches = 1;
      proxy.recomputeChecksum = true;
      const uploader = new Uploader({ db: w.database.db, source: w.source, backoff: FAST, chunkSize: CHUNK });
      const first = await uploader.runOnce();
      expect(first).toMatchObject({ confirmed: 0, remaining: 1 });
      expect(first.lastError).toContain('SHA-256');
      expect(proxy.patchAnswers).toContain(422);
      const sha = crypto.createHash('sha256').update(files[0]!).digest('hex');
      expect(((await central.admin('/v1/admin/blobs')).blobs as Array<{ sha256: string }>).some((b) => b.sha256 === sha)).toBe(false);
      expect(w.source.confirmedShas).toEqual([]);
      expect((await uploader.runUntilEmpty()).remaining).toBe(0);
      await expectHeldOnce(central, files);
    } finally {
      await proxy.close();
    }
  });

  it('a local blob that no longer matches its hash is not uploaded and says so', async () => {
    const w = await newWindow();
    w.source.add(crypto.randomBytes(1000), { caseId: 'c', materialCode: 'M' }, 'ab'.repeat(32));
    const r = await new Uploader({ db: w.database.db, source: w.source, backoff: FAST }).runOnce();
    expect(r).toMatchObject({ confirmed: 0, remaining: 1, offline: false });
    expect(r.lastError).toContain('已损坏');
    expect([...(await readStates(w.database.db)).values()][0]).toMatchObject({ attempts: 1, upload_url: null });
  });

  it('an unreachable central pauses the queue; nothing is lost', async () => {
    const dead = new CentralProcess(tempDir('central-dead'));
    await dead.start();
    const code = await dead.enrolmentCode('H01', 'W-dead');
    const w = await enrolledWindow(dead.url, code, 'win-dead');
    open.push(w.database);
    await dead.kill('SIGKILL');
    const source = new FolderSource(path.join(w.dir, 'blobs'));
    source.add(crypto.randomBytes(5000), { caseId: 'c', materialCode: 'M' });
    const r = await new Uploader({ db: w.database.db, source, backoff: FAST }).runOnce();
    expect(r).toMatchObject({ offline: true, remaining: 1 });
    expect(r.retryInMs).toBeGreaterThan(0);
    expect(await source.pending()).toHaveLength(1);
  });
});
