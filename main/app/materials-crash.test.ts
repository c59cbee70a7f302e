import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { tempDir } from '../auth/testing';
import { blobPath, materialsDirs } from '../materials/paths';
import { clearImagesIn } from './testing';

const dir = tempDir('yc-materials-crash-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it printed `cases` committed cases, then SIGKILLs it after a random delay (often mid-write). */
function runAndKill(cases: number): Promise<{ pages: string[]; cases: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures', 'stage-and-accept.ts'), dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, YICHUANG_LOG_LEVEL: 'silent' },
    });
    const acked = { pages: [] as string[], cases: [] as string[] };
    let buffer = '';
    let stderr = '';
    let killing = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) {
        const [kind, value] = l.trim().split(' ');
        if (kind === 'page') acked.pages.push(value!);
        if (kind === 'case') acked.cases.push(value!);
      }
      if (!killing && acked.cases.length >= cases) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 120));
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`child ended by itself (${code}): ${stderr.slice(0, 800)}`))));
  });
}

describe('kill -9 while staging and accepting', { timeout: 240_000 }, () => {
  it('loses no committed case or its file, leaves no half file, and nothing readable', async () => {
    const committed: string[] = [];
    const pages: string[] = [];
    for (const n of [1, 2, 1]) {
      const r = await runAndKill(n);
      committed.push(...r.cases);
      pages.push(...r.pages);
    }
    const app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    try {
      const db = app.services.database.db;
      const dirs = materialsDirs(dir);
      const stored = await db.selectFrom('intake_case').select(['id', 'case_number']).execute();
      for (const number of committed) {
        const c = stored.find((s) => s.case_number === number);
        expect(c, number).toBeDefined();
        const files = (await app.services.materials.caseFiles(c!.id)).files;
        expect(files).toHaveLength(1);
        const pdf = await PDFDocument.load(await app.services.materials.blobs.readBlob(files[0]!.sha256));
        expect(pdf.getPageCount()).toBe(3);
      }
      // The start-up sweep removed temporaries and files no row names; every file left opens.
      const all = fs.readdirSync(dirs.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(all.filter((e) => e.name.startsWith('.tmp-'))).toEqual([]);
      const rows = await db.selectFrom('material_page').select('id').execute();
      expect(fs.existsSync(dirs.staged) ? fs.readdirSync(dirs.staged).sort() : []).toEqual(rows.map((r) => r.id).sort());
      for (const r of rows) expect(app.services.pii.openBytes(fs.readFileSync(path.join(dirs.staged, r.id))).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      for (const b of await db.selectFrom('material_blob').select('sha256').execute()) {
        const plain = app.services.pii.openBytes(fs.readFileSync(blobPath(dirs.blobs, b.sha256)));
        expect(crypto.createHash('sha256').update(plain).digest('hex')).toBe(b.sha256);
      }
      expect(clearImagesIn(dir)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
