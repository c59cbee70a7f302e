import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../main/app/app';
import { assemblePdf } from '../main/materials/assemble';
import { sha256Hex } from '../main/materials/blob-files';
import { realFs, writeAtomic } from '../main/materials/sealed-files';
import { sampleJpeg } from '../main/materials/testing';
import { percentile } from './stats';
import type { Bench } from './types';

const PAGES = 20;
const STAGES = 60;
/** A 30 fps document camera delivers a frame every 33.3 ms: staging should keep up with capture. */
const FRAME_MS = 1000 / 30;

const median = (xs: number[]) => percentile(xs, 50);

/** A plain write of `bytes` to a new file with fsync: the physical baseline for storing them. */
function plainWrite(dir: string, bytes: Uint8Array): number {
  const file = path.join(dir, `plain-${crypto.randomBytes(6).toString('hex')}`);
  const t = performance.now();
  realFs.writeFileSync(file, bytes);
  const ms = performance.now() - t;
  fs.rmSync(file);
  return ms;
}

/**
 * 材料电子化: (1) assembling 20 pages at the compression target (200 dpi A4 JPEG) into one PDF
 * with pdf-lib, and the whole store step (assemble, SHA-256, seal, fsync + rename), as MB/s
 * against a plain fsync'd write of the same page bytes; (2) stage → page stored (router, type
 * check, seal, atomic write, row, audit) p50/p99 against a plain fsync'd write of the same page
 * and against the camera's frame time.
 */
export const bench: Bench = {
  name: 'materials',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-bench-materials-'));
    const app = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' });
    try {
      // Five distinct full-size pages (jpeg-js is slow to encode), used four times each.
      const distinct = [1, 2, 3, 4, 5].map((seed) => sampleJpeg(1654, 2339, seed, 80));
      const pages = Array.from({ length: PAGES }, (_, i) => distinct[i % distinct.length]!);
      const pageBytes = pages.reduce((n, p) => n + p.length, 0);
      const parts = pages.map((bytes) => ({ kind: 'image' as const, mime: 'image/jpeg', bytes, rotation: 0 as const, crop: null }));
      const assembleMs: number[] = [];
      const storeMs: number[] = [];
      const plainMs: number[] = [];
      let pdfBytes = 0;
      for (let i = 0; i < 7; i++) {
        let t = performance.now();
        const pdf = await assemblePdf(parts, 'bench');
        assembleMs.push(performance.now() - t);
        pdfBytes = pdf.bytes.length;
        t = performance.now();
        const again = await assemblePdf(parts, 'bench');
        const sha = sha256Hex(again.bytes);
        writeAtomic(realFs, path.join(dir, 'blobs', sha.slice(0, 2), `${sha}-${i}`), app.services.pii.sealBytes(again.bytes));
        storeMs.push(performance.now() - t);
        plainMs.push(plainWrite(dir, Buffer.concat(pages)));
      }
      const mb = pageBytes / 1024 / 1024;
      const assembly = {
        bench: 'materials-pdf-assembly',
        ratio: mb / (median(storeMs) / 1000) / (mb / (median(plainMs) / 1000)),
        baseline: `plain fsync'd write of the same ${PAGES} page bytes (MB/s)`,
        goal: 'store MB/s as a share of plain-write MB/s; higher is better',
        pages: PAGES,
        pageMB: mb,
        pdfMB: pdfBytes / 1024 / 1024,
        assembleMs: median(assembleMs),
        assembleMBps: mb / (median(assembleMs) / 1000),
        storeMs: median(storeMs),
        storeMBps: mb / (median(storeMs) / 1000),
        plainWriteMs: median(plainMs),
        plainWriteMBps: mb / (median(plainMs) / 1000),
      };

      const draftId = crypto.randomUUID();
      const stageMs: number[] = [];
      const plainPageMs: number[] = [];
      for (let i = 0; i < STAGES; i++) {
        const bytes = distinct[i % distinct.length]!;
        const t = performance.now();
        const r = await app.invoke('materials.stagePage', { draftId: i % 20 === 0 ? crypto.randomUUID() : draftId, materialCode: 'm1', mime: 'image/jpeg', source: 'camera' }, bytes);
        stageMs.push(performance.now() - t);
        if (!r.ok) throw new Error(r.error.message);
        plainPageMs.push(plainWrite(dir, bytes));
      }
      const stage = {
        bench: 'materials-stage-page',
        ratio: percentile(stageMs, 50) / percentile(plainPageMs, 50),
        baseline: "plain fsync'd write of the same page (p50)",
        goal: 'lower is better; p99 under the camera frame time keeps up with capture',
        pageKB: distinct.reduce((n, p) => n + p.length, 0) / distinct.length / 1024,
        stageP50Ms: percentile(stageMs, 50),
        stageP99Ms: percentile(stageMs, 99),
        plainP50Ms: percentile(plainPageMs, 50),
        plainP99Ms: percentile(plainPageMs, 99),
        frameMs: FRAME_MS,
        p99VsFrame: percentile(stageMs, 99) / FRAME_MS,
      };
      return [assembly, stage];
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
