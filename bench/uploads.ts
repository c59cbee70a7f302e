import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CentralProcess } from '../central/testing/central-process';
import { enrolledWindow, tempDir } from '../main/sync/testing/window-fixture';
import { MemorySource } from '../main/uploads/testing/memory-source';
import { DEFAULT_CHUNK_BYTES, Uploader } from '../main/uploads/uploader';
import type { Bench, BenchResult } from './types';

const TOTAL = 50 * 1024 * 1024;
/** A scanned material PDF at ~200 dpi is a few MB: 25 files of 2 MiB. */
const BLOB = 2 * 1024 * 1024;
const ROUNDS = 5;
const CHUNKS = [1, 4, DEFAULT_CHUNK_BYTES / 1024 / 1024, 16].map((m) => m * 1024 * 1024);

/**
 * The baseline server: a plain Node process that streams one PUT body into a file. At /hashed it
 * also takes the body's SHA-256 on the way (the least a server that checks what it received does);
 * at /durable it hashes and fdatasyncs the file before it answers (the least a server that checks
 * and keeps what it received does).
 */
const PLAIN_SERVER = `
const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path'); const crypto = require('node:crypto');
let n = 0;
const s = http.createServer((req, res) => {
  const file = path.join(process.argv[1], 'put-' + (n++));
  const out = fs.createWriteStream(file);
  const hash = req.url === '/blob' ? null : crypto.createHash('sha256');
  if (hash) req.on('data', (d) => hash.update(d));
  req.pipe(out);
  const done = () => { res.writeHead(201); res.end(); };
  out.on('close', () => {
    hash?.digest('hex');
    if (req.url !== '/durable') return done();
    const fd = fs.openSync(file, 'r+');
    fs.fdatasync(fd, () => { fs.closeSync(fd); done(); });
  });
});
s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;

/** The PUT modes of the baseline server. */
type PutMode = 'blob' | 'hashed' | 'durable';

/**
 * Deletes what a round wrote (the PUT server's file, the central's upload files) before the next
 * round: 50 MB a round piles up to gigabytes of dirty pages over a run, and once the kernel's
 * background writeback starts, later rounds of either side are timed against a busy disk. A file
 * deleted before its writeback never reaches the disk, so every round starts from the same state.
 */
function emptyFolder(dir: string): void {
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
}

/** CPU ms (user + system) a process has used so far, from /proc (Linux; NaN elsewhere). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU ms this process has used so far. */
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One round: wall ms, and the CPU ms of the sending side (this process) and of the receiving server process. */
interface Timing {
  ms: number;
  clientCpuMs: number;
  serverCpuMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The baseline server process; `put` sends one body and resolves when the server has written it, then deletes the file. */
async function plainServer(): Promise<{ put(bytes: Buffer, mode?: PutMode): Promise<Timing>; pid: number | undefined; close(): void }> {
  const dir = tempDir('bench-put');
  const child = spawn(process.execPath, ['-e', PLAIN_SERVER, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  return {
    async put(bytes, mode = 'blob') {
      const t = performance.now();
      const cpu = { own: ownCpuMs(), server: cpuMsOf(child.pid) };
      await new Promise<void>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path: `/${mode}`, headers: { 'content-length': bytes.length } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`PUT ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end(bytes);
      });
      const timing = { ms: performance.now() - t, clientCpuMs: ownCpuMs() - cpu.own, serverCpuMs: cpuMsOf(child.pid) - cpu.server };
      emptyFolder(dir);
      return timing;
    },
    pid: child.pid,
    close: () => {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One round: 50 MB of fresh blobs (the central holds each hash once) through the uploader. */
async function tusRound(central: CentralProcess, chunkSize: number, blobBytes: number, round: string): Promise<Timing> {
  const w = await enrolledWindow(central.url, await central.enrolmentCode('H01', `B${round}`), 'bench-up');
  try {
    const source = new MemorySource();
    for (let i = 0; i < TOTAL / blobBytes; i++) source.add(crypto.randomBytes(blobBytes), { caseId: `case-${round}-${i}`, materialCode: 'M01' });
    const uploader = new Uploader({ db: w.database.db, source, backoff: { baseMs: 20, maxMs: 200 }, chunkSize });
    const t = performance.now();
    const cpu = { own: ownCpuMs(), server: cpuMsOf(central.child?.pid) };
    const r = await uploader.runUntilEmpty();
    const ms = performance.now() - t;
    if (r.remaining !== 0) throw new Error(`uploads did not finish: ${JSON.stringify(r)}`);
    const timing = { ms, clientCpuMs: ownCpuMs() - cpu.own, serverCpuMs: cpuMsOf(central.child?.pid) - cpu.server };
    // The bench deletes the received files again, as the PUT server's are (the central's records stay).
    emptyFolder(path.join(central.dataDir, 'uploads'));
    return timing;
  } finally {
    await w.database.close();
    fs.rmSync(w.dir, { recursive: true, force: true });
  }
}

/**
 * 50 MB of material files (25 × 2 MiB) uploaded on loopback by the window's uploader (tus with
 * per-chunk SHA-256, the central's whole-file SHA-256, its record, the window's state) against one
 * raw HTTP PUT of the same 50 MB to a plain Node server process on the same machine. Each tus round
 * is timed next to a PUT round (the machine is shared: load drifts), medians of both. Then one
 * 50 MB file per chunk size, which separates the per-file cost from the protocol's throughput.
 * The blob source hands over plaintext in memory, as the PUT has it (unsealing is the material
 * store's cost, the same for any transport). Beside the ratios, the CPU each side used (the machine
 * is shared, wall times drift with its load) and the same PUT to a server that hashes the body, and
 * to one that hashes and fdatasyncs it. Every round's files are deleted after it (emptyFolder).
 */
export const bench: Bench = {
  name: 'uploads',
  async run() {
    const central = new CentralProcess(tempDir('bench-up-central'));
    let plain: Awaited<ReturnType<typeof plainServer>> | undefined;
    try {
      // Inside the try: a central that does not start (a stale dist) leaves no folder behind.
      await central.start();
      plain = await plainServer();
      const bytes = crypto.randomBytes(TOTAL);
      const results: BenchResult[] = [];
      let round = 0;
      const cases = [{ chunk: DEFAULT_CHUNK_BYTES, blob: BLOB, name: 'uploads' }, ...CHUNKS.map((chunk) => ({ chunk, blob: TOTAL, name: `uploads-one-file-chunk-${chunk / 1024 / 1024}MiB` }))];
      for (const c of cases) {
        const tus: Timing[] = [];
        const put: Timing[] = [];
        const hashedPut: Timing[] = [];
        const durablePut: Timing[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          put.push(await plain.put(bytes));
          hashedPut.push(await plain.put(bytes, 'hashed'));
          durablePut.push(await plain.put(bytes, 'durable'));
          tus.push(await tusRound(central, c.chunk, c.blob, String(round++)));
        }
        const tusMs = median(tus.map((x) => x.ms));
        const putMs = median(put.map((x) => x.ms));
        results.push({
          bench: c.name,
          ratio: putMs / tusMs,
          baseline: 'one raw HTTP PUT of the same 50 MB to a plain Node server process (loopback), timed beside each round',
          goal: '>= 0.8 (throughput of tus / raw PUT)',
          files: TOTAL / c.blob,
          chunkMiB: c.chunk / 1024 / 1024,
          tusMBps: TOTAL / 1024 / 1024 / (tusMs / 1000),
          putMBps: TOTAL / 1024 / 1024 / (putMs / 1000),
          tusMs,
          putMs,
          // CPU per round (medians; /proc ticks are 10 ms): where the time goes when the machine is loaded.
          tusWindowCpuMs: median(tus.map((x) => x.clientCpuMs)),
          tusCentralCpuMs: median(tus.map((x) => x.serverCpuMs)),
          putClientCpuMs: median(put.map((x) => x.clientCpuMs)),
          putServerCpuMs: median(put.map((x) => x.serverCpuMs)),
          // The same PUT to a server that hashes the body: the floor of any transfer the central verifies.
          vsHashedPut: median(hashedPut.map((x) => x.ms)) / tusMs,
          hashedPutMs: median(hashedPut.map((x) => x.ms)),
          hashedPutServerCpuMs: median(hashedPut.map((x) => x.serverCpuMs)),
          // Hashed and fdatasync'd before the answer: what the central does before it confirms a blob (one 50 MB file here, not 25).
          vsDurablePut: median(durablePut.map((x) => x.ms)) / tusMs,
          durablePutMs: median(durablePut.map((x) => x.ms)),
        });
      }
      return results;
    } finally {
      plain?.close();
      await central.kill('SIGTERM');
      // 25 rounds of 50 MB: the central's files would fill /tmp run after run.
      fs.rmSync(central.dataDir, { recursive: true, force: true });
    }
  },
};
