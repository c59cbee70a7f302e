import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/app';
import { tempDir } from '../auth/testing';
import { samplePerson } from '../intake/testing';
import { sampleJpeg } from '../materials/testing';
import { ok, sampleItem } from '../app/testing';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'yichuang.mjs');
const dir = tempDir('yc-cli-materials-');
// The sources (tsx): this command is newer than any built bundle a test run may find.
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, '--dev', 'materials', ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 120_000 });
let caseNumber = '';
let code = '';

beforeAll(async () => {
  const app = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' });
  try {
    const item = await sampleItem(app);
    code = item.codes[0]!;
    const draftId = crypto.randomUUID();
    for (const seed of [1, 2]) ok(await app.invoke('materials.stagePage', { draftId, materialCode: code, mime: 'image/jpeg', source: 'camera' }, sampleJpeg(200, 280, seed)));
    caseNumber = ok<{ caseNumber: string }>(await app.invoke('intake.accept', { itemCode: item.itemCode, applicant: samplePerson, materials: item.materials, materialsDraftId: draftId })).caseNumber;
  } finally {
    await app.close();
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('yichuang materials', { timeout: 150_000 }, () => {
  it('lists a case’s files and exports one as a PDF, never over an existing file', () => {
    const list = cli('list', caseNumber, '--json');
    expect(list.status, list.stderr).toBe(0);
    const files = (JSON.parse(list.stdout) as { files: Array<{ materialCode: string; pages: number; uploadState: string }> }).files;
    expect(files).toEqual([expect.objectContaining({ materialCode: code, pages: 2, uploadState: 'pending' })]);
    const out = path.join(dir, 'export.pdf');
    const exp = cli('export', caseNumber, code, '--out', out);
    expect(exp.status, exp.stderr).toBe(0);
    expect(exp.stdout).toContain('2 页');
    return PDFDocument.load(fs.readFileSync(out)).then((pdf) => {
      expect(pdf.getPageCount()).toBe(2);
      const again = cli('export', caseNumber, code, '--out', out);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('已存在');
      const missing = cli('export', 'NO-SUCH-CASE', code, '--out', path.join(dir, 'x.pdf'));
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('找不到该办件');
    });
  });
});
