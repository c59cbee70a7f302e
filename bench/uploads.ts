import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { CentralProcess } from '../central/testing/central-process';
import { enrolledWindow, tempDir } from '../main/sync/testing/window-fixture';
import { FolderSource } from '../main/uploads/testing/folder-source';
import { DEFAULT_CHUNK_BYTES, Uploader } from '../main/uploads/uploader';
import type { Bench, BenchResult } from './types';

const TOTAL = 50 * 1024 * 1024;
/** A scanned material PDF at ~200 dpi is a few MB: 25 files of 2 MiB. */
const BLOB = 2 * 1024 * 1024;
const ROUNDS = 3;
const CHUNKS = [1, 4, DEFAULT_CHUNK_BYTES / 1024 / 1024, 16].map((m) => m * 1024 * 1024);

/** The baseline server: a plain Node process that streams one PUT body into a file. */
const PLAIN_SERVER = `
const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
let n = 0;
const s = http.createServer((req, res) => {
  const out = fs.createWriteStream(path.join(process.argv[1], 'put-' + (n++)));
  req.pipe(out);
  out.on('finish', () => { res.writeHead(201); res.end(); });
});
s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function plainPut(bytes: Buffer): Promise<number> {
  const dir = tempDir('bench-put');
  const child = spawn(process.execPath, ['-e', PLAIN_SERVER, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await new Promise<void>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path: '/blob', headers: { 'content-length': bytes.length } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`PUT ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end(bytes);
      });
      times.push(performance.now() - t);
    }
    return median(times);
  } finally {
    child.kill('SIGKILL');
  }
}

/** One round: 50 MB of fresh blobs (the central holds each hash once) through the uploader. */
async function tusRound(central: CentralProcess, chunkSize: number, round: string): Promise<number> {
  const w = await enrolledWindow(central.url, await central.enrolmentCode('H01', `B${round}`), 'bench-up');
  try {
    const source = new FolderSource(path.join(w.dir, 'blobs'), false);
    for (let i = 0; i < TOTAL / BLOB; i++) source.add(crypto.randomBytes(BLOB), { caseId: `case-${round}-${i}`, materialCode: 'M01' });
    const uploader = new Uploader({ db: w.database.db, source, backoff: { baseMs: 20, maxMs: 200 }, chunkSize });
    const t = performance.now();
    const r = await uploader.runUntilEmpty();
    const ms = performance.now() - t;
    if (r.remaining !== 0) throw new Error(`uploads did not finish: ${JSON.stringify(r)}`);
    return ms;
  } finally {
    await w.database.close();
  }
}

/**
 * 50 MB of material files (25 × 2 MiB) uploaded on loopback by the window's uploader (tus with
 * per-chunk SHA-256, the central's whole-file SHA-256, confirmation) against one raw HTTP PUT of
 * 50 MB to a plain Node server process on the same machine: throughput ratio per chunk size.
 */
export const bench: Bench = {
  name: 'uploads',
  async run() {
    const central = new CentralProcess(tempDir('bench-up-central'));
    await central.start();
    try {
      const putMs = await plainPut(crypto.randomBytes(TOTAL));
      const results: BenchResult[] = [];
      let round = 0;
      for (const chunk of CHUNKS) {
        const times: number[] = [];
        for (let i = 0; i < ROUNDS; i++) times.push(await tusRound(central, chunk, String(round++)));
        const tusMs = median(times);
        results.push({
          bench: chunk === DEFAULT_CHUNK_BYTES ? 'uploads' : `uploads-chunk-${chunk / 1024 / 1024}MiB`,
          ratio: putMs / tusMs,
          baseline: 'one raw HTTP PUT of the same 50 MB to a plain Node server process (loopback)',
          goal: '>= 0.8 (throughput of tus / raw PUT)',
          chunkMiB: chunk / 1024 / 1024,
          tusMBps: TOTAL / 1024 / 1024 / (tusMs / 1000),
          putMBps: TOTAL / 1024 / 1024 / (putMs / 1000),
          tusMs,
          putMs,
        });
      }
      return results;
    } finally {
      await central.kill('SIGTERM');
    }
  },
};
