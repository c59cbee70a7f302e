import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { itemCode, openTestStack, samplePerson, type TestStack } from '../intake/testing';
import type { BlobFiles } from './blob-files';
import { BlobCorruptError } from './blob-store';
import { blobPath, materialsDirs } from './paths';
import { DISK_FULL_MESSAGE, realFs, type StoreFs } from './sealed-files';
import type { MaterialsService } from './service';
import { sampleJpeg, samplePdf } from './testing';

let s: TestStack;
afterEach(async () => s?.close());

/** A disk that fills up on demand: writes fail with ENOSPC like a full partition, after some bytes. */
function fillableDisk() {
  const state = { full: false };
  const fsx: StoreFs = {
    writeFileSync(file, data) {
      if (!state.full) return realFs.writeFileSync(file, data);
      // A full disk takes part of the file, then refuses: the half file must not survive.
      fs.writeFileSync(file, data.subarray(0, Math.floor(data.byteLength / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
  return { fsx, state };
}

async function open(fsx?: StoreFs) {
  s = await openTestStack({ materials: fsx ? { fs: fsx } : {} });
  return { m: s.materials as MaterialsService, code: itemCode(s, '社会保障卡申领') };
}

async function acceptInput(code: string, draftId: string) {
  const materials = (await s.catalog.materials(code)).filter((m) => m.required).map((m) => ({ code: m.code, state: 'received' as const }));
  return { itemCode: code, applicant: samplePerson, materials, materialsDraftId: draftId };
}

const stage = (m: MaterialsService, draftId: string, materialCode: string, seed: number) =>
  m.stagePage({ draftId, materialCode, mime: 'image/jpeg', source: 'camera', clerkId: 'clerk01' }, sampleJpeg(120, 160, seed));

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);

describe('materials store', () => {
  it('a full disk while staging or accepting says so in Chinese and loses nothing committed', async () => {
    const disk = fillableDisk();
    const { m, code } = await open(disk.fsx);
    const input = await acceptInput(code, crypto.randomUUID());
    const mat = input.materials[0]!.code;
    await stage(m, input.materialsDraftId, mat, 1);
    const first = await s.intake.accept(await acceptInput(code, (await stagedDraft(m, mat)).draftId), s.actor);

    disk.state.full = true;
    await expect(stage(m, input.materialsDraftId, mat, 2)).rejects.toMatchObject({ code: 'DISK_FULL', message: DISK_FULL_MESSAGE });
    // The page staged before the disk filled is still there, whole.
    expect((await m.listDraft(input.materialsDraftId))[0]!.parts).toHaveLength(1);
    // Accepting needs the PDF stored: refused, no case, pages still staged.
    await expect(s.intake.accept(input, s.actor)).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(await s.db.selectFrom('intake_case').select('id').execute()).toHaveLength(1);
    expect((await m.listDraft(input.materialsDraftId))[0]!.parts).toHaveLength(1);
    expect(filesIn(materialsDirs(s.dir).root).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    // The case accepted before is intact, its file readable.
    const files = await m.caseFiles(first.caseId);
    expect((await m.blobs.readBlob(files.files[0]!.sha256)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    disk.state.full = false;
    const second = await s.intake.accept(input, s.actor);
    expect((await m.caseFiles(second.caseId)).files).toHaveLength(1);
  });

  it('links files in the decision transaction: a decision that fails after linking leaves no link and keeps the pages', async () => {
    const { m, code } = await open();
    const input = await acceptInput(code, crypto.randomUUID());
    await stage(m, input.materialsDraftId, input.materials[0]!.code, 1);
    // The outbox row is the decision's last write: make it fail.
    await sql`create trigger no_outbox before insert on outbox begin select raise(abort, 'disk I/O error'); end`.execute(s.db);
    await expect(s.intake.accept(input, s.actor)).rejects.toThrow();
    expect(await s.db.selectFrom('case_material_file').selectAll().execute()).toEqual([]);
    expect(await s.db.selectFrom('material_blob').selectAll().execute()).toEqual([]);
    expect(await s.db.selectFrom('intake_case').selectAll().execute()).toEqual([]);
    expect((await m.listDraft(input.materialsDraftId))[0]!.parts).toHaveLength(1);
    await sql`drop trigger no_outbox`.execute(s.db);
    const r = await s.intake.accept(input, s.actor);
    expect((await m.caseFiles(r.caseId)).files).toHaveLength(1);
  });

  it('links only materials the decision receives; a supplement attaches its pages the same way', async () => {
    s = await openTestStack({ materials: {} });
    const m = s.materials!;
    const code = itemCode(s, '失业保险金申领');
    const specs = await s.catalog.materials(code);
    const entries = specs.map((x) => ({ code: x.code, state: x.deferrable ? ('deferred' as const) : ('received' as const) }));
    const deferred = entries.find((e) => e.state === 'deferred')!.code;
    const received = entries.find((e) => e.state === 'received')!.code;
    const draftId = crypto.randomUUID();
    await stage(m, draftId, received, 1);
    await stage(m, draftId, deferred, 2);
    const r = await s.intake.acceptWithDeferred({ itemCode: code, applicant: samplePerson, materials: entries, commitmentNote: '承诺补齐', materialsDraftId: draftId }, s.actor);
    expect((await m.caseFiles(r.caseId)).files.map((f) => f.materialCode)).toEqual([received]);

    const later = crypto.randomUUID();
    await stage(m, later, deferred, 3);
    await stage(m, later, deferred, 4);
    await s.intake.supplement({ caseId: r.caseId, materialCode: deferred, via: 'received', materialsDraftId: later }, s.actor);
    const files = (await m.caseFiles(r.caseId)).files;
    expect(files.find((f) => f.materialCode === deferred)).toMatchObject({ via: 'supplement', pages: 2, uploadState: 'pending' });
    const entry = await s.db.selectFrom('outbox').select('payload').where('kind', '=', 'case.supplemented').executeTakeFirstOrThrow();
    const snapshot = JSON.parse(entry.payload) as { case: { materials: Array<{ code: string; files?: Array<{ via: string }> }> } };
    expect(snapshot.case.materials.find((x) => x.code === deferred)!.files).toEqual([expect.objectContaining({ via: 'supplement' })]);
    expect(snapshot.case.materials.find((x) => x.code === received)!.files).toEqual([expect.objectContaining({ via: 'intake' })]);
  });

  it('assembles deterministically: rotation and crop are page boxes, PDF parts add their pages, the same pages give the same hash', async () => {
    const { m, code } = await open();
    const draftA = crypto.randomUUID();
    const mat = (await acceptInput(code, draftA)).materials[0]!.code;
    const p = await stage(m, draftA, mat, 1);
    await m.stagePage({ draftId: draftA, materialCode: mat, mime: 'application/pdf', source: 'file', clerkId: 'c' }, await samplePdf(3));
    await m.rotatePage(draftA, p.page.pageId, 270);
    await m.cropPage(draftA, p.page.pageId, { x: 0.25, y: 0, w: 0.5, h: 0.5 });
    const [a] = await m.prepareDraft(draftA, [{ code: mat, slot: mat }]);
    const [again] = await m.prepareDraft(draftA, [{ code: mat, slot: mat }]);
    expect(again!.sha256).toBe(a!.sha256);
    const pdf = await PDFDocument.load(await fs.promises.readFile(blobPath(materialsDirs(s.dir).blobs, a!.sha256)).then((b) => s.pii.openBytes(b)));
    expect(pdf.getPageCount()).toBe(4);
    const first = pdf.getPage(0);
    expect(first.getRotation().angle).toBe(270);
    // 120 × 160 px at 200 dpi = 43.2 × 57.6 pt; the crop keeps the top half of the middle half.
    const box = first.getCropBox();
    expect([box.x, box.y, box.width, box.height].map((v) => Math.round(v * 10) / 10)).toEqual([10.8, 28.8, 21.6, 28.8]);
    expect(pdf.getPage(1).getSize()).toEqual({ width: 595, height: 842 });
    await expect(m.cropPage(draftA, (await m.listDraft(draftA))[0]!.parts[1]!.pageId, { x: 0, y: 0, w: 1, h: 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('the blob store: pending uploads with their cases, plaintext checked by hash, marked uploaded, deleted only when uploaded and retention allows', async () => {
    const { m, code } = await open();
    const input = await acceptInput(code, crypto.randomUUID());
    await stage(m, input.materialsDraftId, input.materials[0]!.code, 7);
    const r = await s.intake.accept(input, s.actor);
    const pending = await m.blobs.listPendingUploads();
    expect(pending).toEqual([expect.objectContaining({ caseId: r.caseId, materialCode: input.materials[0]!.code, pages: 1, links: [{ caseId: r.caseId, materialCode: input.materials[0]!.code }] })]);
    const sha = pending[0]!.sha256;
    const plain = await m.blobs.readBlob(sha);
    expect(plain.length).toBe(pending[0]!.size);
    expect(crypto.createHash('sha256').update(plain).digest('hex')).toBe(sha);
    const streamed: Buffer[] = [];
    for await (const c of await m.blobs.openReadStream(sha)) streamed.push(c as Buffer);
    expect(Buffer.concat(streamed).equals(plain)).toBe(true);

    expect(await m.blobs.deleteLocalIfAllowed(sha, s.clock.now)).toEqual({ deleted: false, reason: 'not-uploaded' });
    expect(await m.blobs.markBlobUploaded(sha)).toBe(true);
    expect(await m.blobs.markBlobUploaded('0'.repeat(64))).toBe(false);
    expect(await m.blobs.listPendingUploads()).toEqual([]);
    expect((await m.caseFiles(r.caseId)).files[0]!.uploadState).toBe('uploaded');
    // The case is still open at the window: the local copy stays.
    expect(await m.blobs.deleteLocalIfAllowed(sha, new Date(s.clock.now.getTime() + 365 * 86_400_000))).toEqual({ deleted: false, reason: 'retention' });
    await s.intake.withdraw(r.caseId, '申请人撤回', s.actor);
    // Finished now, kept for the retention days (30 in the stack) after its last change.
    expect(await m.blobs.deleteLocalIfAllowed(sha, s.clock.now)).toEqual({ deleted: false, reason: 'retention' });
    // The start-up sweep of uploaded files asks the same question for each.
    const blobs = m.blobs as BlobFiles;
    expect(await blobs.deleteExpiredUploads(s.clock.now)).toBe(0);
    expect(await blobs.deleteExpiredUploads(new Date(s.clock.now.getTime() + 31 * 86_400_000))).toBe(1);
    expect(await m.blobs.deleteLocalIfAllowed(sha)).toEqual({ deleted: false, reason: 'missing' });
    expect(fs.existsSync(blobPath(materialsDirs(s.dir).blobs, sha))).toBe(false);
    await expect(m.caseFiles(r.caseId)).resolves.toMatchObject({ files: [expect.objectContaining({ sha256: sha })] });
    await expect(m.fileTicket(r.caseId, sha, 'clerk01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a changed byte in a stored file is refused, not served', async () => {
    const { m, code } = await open();
    const input = await acceptInput(code, crypto.randomUUID());
    await stage(m, input.materialsDraftId, input.materials[0]!.code, 3);
    await s.intake.accept(input, s.actor);
    const sha256 = (await m.blobs.listPendingUploads())[0]!.sha256;
    const file = blobPath(materialsDirs(s.dir).blobs, sha256);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1]! ^= 1;
    fs.writeFileSync(file, bytes);
    await expect(m.blobs.readBlob(sha256)).rejects.toThrow(/改动|损坏/);
    // A file sealed right but holding other content (swapped in from another blob) is refused by hash.
    fs.writeFileSync(file, s.pii.sealBytes(Buffer.from('%PDF-1.7 other')));
    await expect(m.blobs.readBlob(sha256)).rejects.toBeInstanceOf(BlobCorruptError);
  });
});

async function stagedDraft(m: MaterialsService, materialCode: string) {
  const draftId = crypto.randomUUID();
  await stage(m, draftId, materialCode, 9);
  return { draftId };
}


describe('PDF assembly input', () => {
  it('takes a page held in a slice of a larger buffer (pdf-lib reads the JPEG from offset 0 of its ArrayBuffer)', async () => {
    const { assemblePdf } = await import('./assemble');
    const jpg = sampleJpeg(50, 70, 5);
    const pool = Buffer.concat([Buffer.alloc(13, 1), jpg]);
    const out = await assemblePdf([{ kind: 'image', mime: 'image/jpeg', bytes: pool.subarray(13), rotation: 0, crop: null }], 't');
    expect(out.pages).toBe(1);
  });
});
