import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCentralStore, type CentralStore } from '../db/open';
import { listReceivedBlobs } from '../store/blobs';
import { Receipts } from './receipts';

const blob = (n: number) => ({ sha256: String(n).padStart(64, '0'), size: n, uploadId: `up-${n}`, deviceId: 'dev-1' });
const link = (n: number) => ({ sha256: blob(n).sha256, caseId: `case-${n}`, materialCode: 'M01' });

describe('received blobs: group commit', () => {
  let store: CentralStore | undefined;
  afterEach(async () => {
    await store?.db.destroy();
  });

  it('answers each blob only after its own flush, the folder flush and the record; blobs that finish meanwhile share one commit; a failed flush fails its blob only', async () => {
    store = await openCentralStore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'yc-receipts-')) });
    const events: string[] = [];
    const flush = new Map<string, () => void>();
    const receipts = new Receipts({
      db: store.db,
      persistFile: (id) =>
        new Promise<void>((resolve, reject) => {
          if (id === 'up-3') return reject(new Error('disk gone'));
          flush.set(id, () => (events.push(`file ${id}`), resolve()));
        }),
      persistFolder: async () => void events.push('folder'),
    });
    const first = receipts.record(blob(1), link(1));
    flush.get('up-1')!();
    await first;
    expect(events).toEqual(['file up-1', 'folder']);
    // While nothing is committing, two blobs arrive: the group waits for both files, then commits once.
    const second = receipts.record(blob(2), link(2));
    let answered = false;
    void second.then(() => (answered = true));
    const failed = receipts.record(blob(3), link(3)).catch((e: Error) => e.message);
    const dup = receipts.record({ ...blob(1), uploadId: 'up-1b' }, { ...link(1), caseId: 'case-1b' });
    flush.get('up-1b')!();
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['file up-1', 'folder', 'file up-1b']); // up-2 not flushed yet: nobody answered
    expect(answered).toBe(false);
    flush.get('up-2')!();
    expect(await second).toEqual({ duplicate: false });
    expect(await dup).toEqual({ duplicate: true });
    expect(await failed).toBe('disk gone');
    expect(events).toEqual(['file up-1', 'folder', 'file up-1b', 'file up-2', 'folder']);
    const held = await listReceivedBlobs(store.db);
    expect(held.map((b) => [b.uploadId, b.links])).toEqual([
      ['up-1', 2],
      ['up-2', 1],
    ]);
  });
});
