import type { Kysely } from 'kysely';
import { UPLOADS_PATH } from '../../common/sync/api';
import type { DB } from '../db/schema';
import { backoffDelay, type BackoffPolicy } from '../sync/backoff';
import { CentralClient, CentralError } from '../sync/central-client';
import { enrolmentOf, readSyncMeta, type Enrolment } from '../sync/sync-meta';
import type { PendingBlob, UploadSource } from './source';
import { ByteBudget } from './byte-budget';
import { dropState, readStates, saveState, type UploadState } from './state';
import { TransferError, transfer } from './tus-transfer';

/**
 * Chunk size: one PATCH (and one SHA-256 of it on each side) per chunk. 8 MiB keeps a scanned
 * material in one or two requests and the loopback throughput near a single PUT (bench/uploads.ts);
 * a chunk damaged on the way costs at most 8 MiB again.
 */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
/**
 * Blobs uploading at once (each by its own tus upload), as long as their plaintext fits in
 * IN_FLIGHT_BYTES: eight scanned materials of a few MB (some on the wire while the central flushes
 * the others to disk before it confirms them: the more wait together, the more share one flush),
 * four 8 MiB files, a larger one alone.
 */
const IN_FLIGHT = 8;
const IN_FLIGHT_BYTES = 32 * 1024 * 1024;

export interface UploadProgress {
  sha256: string;
  caseId: string;
  materialCode: string;
  sent: number;
  total: number;
}

export interface PassResult {
  /** Blobs the central confirmed in this pass. */
  confirmed: number;
  /** Blobs still waiting (failed, not due, or behind an unreachable central). */
  remaining: number;
  /** The central could not be reached: the whole queue pauses. */
  offline: boolean;
  lastError: string | null;
  /** When the next pass is worth running. */
  retryInMs: number;
}

export interface UploaderOptions {
  db: Kysely<DB>;
  source: UploadSource;
  backoff: BackoffPolicy;
  chunkSize?: number;
  /** Re-check for new blobs while idle (ms); new material writes also `nudge()`. */
  intervalMs?: number;
  onProgress?: (p: UploadProgress) => void;
  /** After a blob's tus upload URL is saved: from then on a crash resumes it instead of restarting. */
  onResumable?: (sha256: string) => void;
  /** After each pass (status changed). */
  onPass?: (r: PassResult) => void;
}

class Offline extends Error {}

/**
 * Moves the material store's pending blobs to the central, a few blobs at a time, in the background:
 * intake never waits for it. A blob is resumed where the central has it (tus upload URL kept in
 * `upload_state`), confirmed by the central's hash before the store may drop its copy, and retried
 * on this uploader's own timer with back-off — per blob for a refusal, for the whole queue while
 * the central is unreachable.
 */
export class Uploader {
  private pass: Promise<PassResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  /** stop() was called (the app closes): a running pass ends after the blob in flight. */
  private closed = false;
  private offlineFailures = 0;
  private abort: AbortController | null = null;
  /** nudge() came during a pass. */
  private nudged = false;
  current: UploadProgress | null = null;

  constructor(private readonly opts: UploaderOptions) {}

  /** One pass over what is due; joins the running pass (so a blob never has two uploaders). */
  runOnce(): Promise<PassResult> {
    this.pass ??= this.runPass().finally(() => {
      this.pass = null;
      this.current = null;
      if (this.nudged && !this.stopped) this.schedule(0);
      this.nudged = false;
    });
    return this.pass;
  }

  /** Passes until nothing is left, or the deadline (tests and `uploads run`). */
  async runUntilEmpty(opts: { deadline?: number } = {}): Promise<PassResult> {
    for (;;) {
      const r = await this.runOnce();
      if (r.remaining === 0) return r;
      if (opts.deadline !== undefined && Date.now() + r.retryInMs >= opts.deadline) return r;
      await new Promise((resolve) => setTimeout(resolve, r.retryInMs));
    }
  }

  start(firstInMs = 3_000): void {
    this.stopped = false;
    this.closed = false;
    this.schedule(firstInMs);
  }

  stop(): void {
    this.stopped = true;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
  }

  /** A decision committed material files, or `uploads retry`: run now, or again right after the pass in progress (it listed its blobs at its start). */
  nudge(): void {
    if (this.stopped) return;
    if (this.pass) this.nudged = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce().then(
        (r) => {
          if (!this.stopped && !this.timer) this.schedule(r.retryInMs);
        },
        () => {
          if (!this.stopped && !this.timer) this.schedule(backoffDelay(this.opts.backoff, ++this.offlineFailures));
        },
      );
    }, ms);
    this.timer.unref?.();
  }

  private async runPass(): Promise<PassResult> {
    const idle = this.opts.intervalMs ?? 30_000;
    const enrolment = enrolmentOf(await readSyncMeta(this.opts.db));
    const pending = await this.opts.source.pending();
    const bySha = new Map(pending.map((p) => [p.sha256, p]));
    if (!enrolment) return { confirmed: 0, remaining: bySha.size, offline: false, lastError: null, retryInMs: idle };
    const client = new CentralClient({ baseUrl: enrolment.centralUrl, credential: enrolment.credential, timeoutMs: 30_000 });
    const states = await readStates(this.opts.db);
    let confirmed = 0;
    let lastError: string | null = null;
    let nextDue = Number.POSITIVE_INFINITY;
    /** Set by the first blob that found the central unreachable: the pass ends after the blobs in flight. */
    const paused = { error: null as string | null, retryInMs: 0 };
    const queue = [...bySha.values()];
    this.abort = new AbortController();
    const signal = this.abort.signal;
    // Blobs in flight at once, never one blob twice.
    const budget = new ByteBudget(IN_FLIGHT_BYTES);
    const worker = async () => {
      for (let blob = queue.shift(); blob && !this.closed && paused.error === null; blob = queue.shift()) {
        const { sha256 } = blob;
        const state = states.get(sha256);
        const due = state?.next_attempt_at ? Date.parse(state.next_attempt_at) : 0;
        if (due > Date.now()) {
          nextDue = Math.min(nextDue, due);
          continue;
        }
        await budget.take(blob.size);
        // The pass may have ended while this blob waited for memory.
        if (this.closed || paused.error !== null) return budget.release(blob.size);
        try {
          if (await this.upload(client, enrolment, blob, state, signal)) confirmed++;
        } catch (err) {
          if (err instanceof Offline) {
            // Other blobs in flight may have found the central gone too: one back-off step per pass.
            if (paused.error === null) paused.retryInMs = backoffDelay(this.opts.backoff, ++this.offlineFailures);
            paused.error = err.message;
            await saveState(this.opts.db, sha256, blob.size, { last_error: err.message, next_attempt_at: new Date(Date.now() + paused.retryInMs).toISOString() });
            continue;
          }
          lastError = (err as Error).message;
          const attempts = (state?.attempts ?? 0) + 1;
          const wait = backoffDelay(this.opts.backoff, attempts);
          nextDue = Math.min(nextDue, Date.now() + wait);
          await saveState(this.opts.db, sha256, blob.size, { attempts, last_error: lastError, next_attempt_at: new Date(Date.now() + wait).toISOString() });
        } finally {
          budget.release(blob.size);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    if (paused.error !== null) {
      const r = { confirmed, remaining: bySha.size - confirmed, offline: true, lastError: paused.error, retryInMs: paused.retryInMs };
      this.opts.onPass?.(r);
      return r;
    }
    this.offlineFailures = 0;
    const remaining = bySha.size - confirmed;
    const r = { confirmed, remaining, offline: false, lastError, retryInMs: remaining === 0 ? idle : Math.max(0, Math.min(idle, nextDue - Date.now())) };
    this.opts.onPass?.(r);
    return r;
  }

  /** True when the central confirmed the blob; throws `Offline` to pause the queue, any other error for this blob's back-off. */
  private async upload(client: CentralClient, enrolment: Enrolment, blob: PendingBlob, state: UploadState | undefined, signal: AbortSignal): Promise<boolean> {
    const first = blob.links[0];
    if (!first) return false;
    const uploadUrl = state?.upload_url ?? null;
    /** Whether this attempt wrote an `upload_state` row (a first attempt in one request writes none). */
    let saved = false;
    // Each link asks (the central records its case link); `skip` links are recorded already.
    const confirm = async (url: string | null, skip = 0) => {
      const uploadId = url ? (new URL(url).pathname.split('/').pop() ?? undefined) : undefined;
      for (const link of blob.links.slice(skip)) {
        const r = await client.call('blobConfirm', { body: { sha256: blob.sha256, ...link, uploadId } }).catch(offlineOr);
        if (!r.received) return false;
      }
      await this.opts.source.confirmed(blob.sha256);
      if (state || saved) await dropState(this.opts.db, blob.sha256);
      return true;
    };
    // A blob tried before may be held already (an answer lost to a crash, a central crash between
    // its last byte and its record): ask first. A first attempt goes straight to tus (a duplicate
    // of another window's copy is a no-op success there).
    if (state && (await confirm(uploadUrl))) return true;
    // Verified plaintext (the store checks the hash when it unseals: LocalBlobDamagedError).
    const bytes = await this.opts.source.open(blob.sha256);
    if (!bytes) return false;
    let saving = Promise.resolve();
    const save = (values: Parameters<typeof saveState>[3]) => {
      saved = true;
      saving = saving.then(() => saveState(this.opts.db, blob.sha256, blob.size, values)).catch(() => undefined);
    };
    const chunkSize = this.opts.chunkSize ?? DEFAULT_CHUNK_BYTES;
    const progress = (sent: number) => {
      this.current = { sha256: blob.sha256, caseId: first.caseId, materialCode: first.materialCode, sent, total: bytes.length };
      this.opts.onProgress?.(this.current);
    };
    let url: string;
    let received: boolean;
    try {
      ({ uploadUrl: url, received } = await transfer({
        endpoint: new URL(UPLOADS_PATH, enrolment.centralUrl).toString(),
        credential: enrolment.credential,
        metadata: { sha256: blob.sha256, size: String(blob.size), ...first },
        bytes,
        uploadUrl,
        chunkSize,
        onUploadUrl: (u) => {
          // A blob that rides whole on the creation POST is complete when its URL is known: nothing to resume.
          if (bytes.length <= chunkSize) return;
          save({ upload_url: u });
          void saving.then(() => this.opts.onResumable?.(blob.sha256));
        },
        onProgress: progress,
        onChunk: (acked) => {
          if (acked < bytes.length) save({ acked_bytes: acked });
        },
        signal,
      }));
    } catch (err) {
      await saving;
      if (err instanceof TransferError) {
        if (err.failure === 'offline' || (err.failure === 'server' && err.status !== 460)) throw new Offline(err.message);
        // The central deleted the upload: the next attempt starts a new one.
        if (err.failure === 'hash_mismatch') await saveState(this.opts.db, blob.sha256, blob.size, { upload_url: null, acked_bytes: 0 });
      }
      throw err;
    }
    await saving;
    progress(bytes.length);
    // The last PATCH's answer says the central hashed and recorded it (with the first link).
    if (await confirm(url, received ? 1 : 0)) return true;
    await saveState(this.opts.db, blob.sha256, blob.size, { upload_url: null, acked_bytes: 0 });
    throw new Error('中心平台未确认收到该文件（整件校验未通过），将从头重传。');
  }
}

function offlineOr(err: unknown): never {
  if (err instanceof CentralError && err.retryable) throw new Offline(err.message);
  throw err;
}
