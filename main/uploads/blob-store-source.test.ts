import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/http/server';
import { createEnrolmentCode } from '../../central/store/enrolment';
import { itemCode, openTestStack, samplePerson, type TestStack } from '../intake/testing';
import { blobPath, materialsDirs } from '../materials/paths';
import type { MaterialsService } from '../materials/service';
import { sampleJpeg } from '../materials/testing';
import { enrol } from '../sync/enrolment';
import { blobStoreSource, LocalBlobDamagedError } from './source';
import { Uploader } from './uploader';

// The uploader on the real material store: a case accepted with a captured page, its sealed PDF
// sent to the central, 已上传 only after the central confirmed the hash.
let central: CentralServer;
let centralDir = '';
let s: TestStack;
beforeAll(async () => {
  centralDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-blobs-'));
  central = await startCentralServer({ dataDir: centralDir, port: 0 });
});
afterAll(async () => {
  await central.close();
  fs.rmSync(centralDir, { recursive: true, force: true });
});
afterEach(async () => s?.close());

async function acceptedWithPage() {
  s = await openTestStack({ materials: {} });
  const m = s.materials as MaterialsService;
  const code = itemCode(s, '社会保障卡申领');
  const materials = (await s.catalog.materials(code)).filter((x) => x.required).map((x) => ({ code: x.code, state: 'received' as const }));
  const draftId = crypto.randomUUID();
  await m.stagePage({ draftId, materialCode: materials[0]!.code, mime: 'image/jpeg', source: 'camera', clerkId: 'clerk01' }, sampleJpeg(400, 560, 3));
  const r = await s.intake.accept({ itemCode: code, applicant: samplePerson, materials, materialsDraftId: draftId }, s.actor);
  await enrol(s.db, central.url, (await createEnrolmentCode(central.store.db, 'HK01', `W${crypto.randomInt(1e6)}`)).code);
  return { m, caseId: r.caseId, materialCode: materials[0]!.code };
}

describe('uploads from the material store', () => {
  it('sends the sealed PDF as its plaintext, byte for byte, and marks it 已上传 once the central confirmed it', async () => {
    const { m, caseId, materialCode } = await acceptedWithPage();
    const [pending] = await m.blobs.listPendingUploads();
    const plain = await m.blobs.readBlob(pending!.sha256);
    const r = await new Uploader({ db: s.db, source: blobStoreSource(m.blobs), backoff: { baseMs: 20, maxMs: 200 }, chunkSize: 64 * 1024 }).runUntilEmpty();
    expect(r).toMatchObject({ confirmed: 1, remaining: 0 });
    expect(await m.blobs.listPendingUploads()).toEqual([]);
    expect((await m.caseFiles(caseId)).files[0]).toMatchObject({ sha256: pending!.sha256, uploadState: 'uploaded' });
    const held = (await (await fetch(`${central.url}/v1/admin/blobs`, { headers: { authorization: `Bearer ${central.adminToken}` } })).json()) as { blobs: Array<{ sha256: string; uploadId: string; links: number }> };
    const row = held.blobs.find((b) => b.sha256 === pending!.sha256)!;
    expect(row.links).toBe(1);
    expect(fs.readFileSync(path.join(centralDir, 'uploads', row.uploadId)).equals(plain)).toBe(true);
    const links = await central.store.db.selectFrom('blob_links').select(['case_id', 'material_code']).where('sha256', '=', pending!.sha256).execute();
    expect(links).toEqual([{ case_id: caseId, material_code: materialCode }]);
  });

  it('a damaged sealed file is not uploaded: the error says so and the file stays 待上传', async () => {
    const { m } = await acceptedWithPage();
    const [pending] = await m.blobs.listPendingUploads();
    const file = blobPath(materialsDirs(s.dir).blobs, pending!.sha256);
    // Sealed right but holding other bytes: only the hash can tell (a flipped sealed byte fails to unseal, also kept 待上传).
    fs.writeFileSync(file, s.pii.sealBytes(Buffer.from('%PDF-1.7 other')));
    await expect(blobStoreSource(m.blobs).open(pending!.sha256)).rejects.toBeInstanceOf(LocalBlobDamagedError);
    const r = await new Uploader({ db: s.db, source: blobStoreSource(m.blobs), backoff: { baseMs: 20, maxMs: 200 } }).runOnce();
    expect(r).toMatchObject({ confirmed: 0, remaining: 1 });
    expect(r.lastError).toContain('已损坏');
    expect(await m.blobs.listPendingUploads()).toHaveLength(1);
  });
});
