import type { Kysely } from 'kysely';
import { MAX_PUSH_BYTES } from '../../common/sync/api';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { DB } from '../db/schema';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { CentralClient, CentralError } from './central-client';
import { observeGeneration } from './generation';
import { Lookups } from './lookups';
import { applyPushResults, backlog, nextBatch, parkOversized, type BatchLimits } from './outbox-batch';
import { applyAppointmentPage } from './pull-appointments';
import { applyCaseStatusPage } from './pull-case-status';
import { applyCatalogPage } from './pull-catalog';
import { readSyncStatus, type SyncProgress, type SyncState, type SyncStatus } from './status';
import { enrolmentOf, readSyncMeta, writeSyncMeta, type SyncKey } from './sync-meta';

export interface SyncEngineOptions {
  db: Kysely<DB>;
  pii?: PiiCipher | null;
  batch?: Partial<BatchLimits>;
  backoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  lookupTimeoutMs?: number;
  /** Scheduled sync while online. */
  intervalMs?: number;
  pullPageSize?: number;
  /** Off where the PII cipher is not at hand (the CLI): queued subjects are sealed with it. */
  recheckLookups?: boolean;
  onProgress?: (p: SyncProgress) => void;
  onState?: (s: SyncStatus) => void;
}

export type CycleResult = { ok: true; pending: number } | { ok: false; retryable: boolean; error: string; retryInMs: number };

const OFFLINE_PROBE_MAX_MS = 30_000;

type PullFeed = 'catalog' | 'caseStatus' | 'appointments';
/** The sync-meta key holding each feed's cursor. */
const CURSOR_OF = { catalog: 'catalogCursor', caseStatus: 'caseStatusCursor', appointments: 'appointmentCursor' } as const satisfies Record<PullFeed, SyncKey>;

export const DEFAULT_BATCH: BatchLimits = { maxItems: 500, maxBytes: 1024 * 1024 };

/**
 * The window's sync engine: drains the outbox in bounded batches, pulls catalog and case-status
 * changes, re-runs queued look-ups. One cycle at a time (single flight). Scheduling uses one timer:
 * the interval while online, the backoff delay after a failure — which is also how a lost network
 * is noticed coming back, without a polling loop of its own.
 */
export class SyncEngine {
  readonly lookups: Lookups;
  private readonly batch: BatchLimits;
  private readonly backoff: BackoffPolicy;
  private failures = 0;
  /** Entries re-offered in this cycle because a central answer carried a new generation. */
  private reoffered = 0;
  /** Null until the first cycle: the status is then derived from what the database says. */
  private state: SyncState | null = null;
  private progress: SyncProgress | null = null;
  private inFlight: Promise<CycleResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly opts: SyncEngineOptions) {
    this.batch = { ...DEFAULT_BATCH, ...opts.batch };
    this.batch.maxBytes = Math.min(this.batch.maxBytes, MAX_PUSH_BYTES - 64 * 1024);
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.lookups = new Lookups(opts.db, () => this.clientNow, opts.pii ?? null, opts.lookupTimeoutMs ?? 5_000);
  }

  private clientNow: CentralClient | null = null;

  /** Builds the client from the stored enrolment (also used by look-ups between cycles). */
  async client(): Promise<CentralClient | null> {
    const e = enrolmentOf(await readSyncMeta(this.opts.db));
    this.clientNow = e ? new CentralClient({ baseUrl: e.centralUrl, credential: e.credential, timeoutMs: this.opts.requestTimeoutMs ?? 30_000 }) : null;
    return this.clientNow;
  }

  status(): Promise<SyncStatus> {
    return readSyncStatus(this.opts.db, { state: this.state ?? undefined, progress: this.progress });
  }

  /** One cycle now, or join the one running. */
  runOnce(): Promise<CycleResult> {
    this.inFlight ??= this.cycle().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /**
   * Cycles (through retries and backoff) until nothing sendable is left or the deadline passes. A
   * successful cycle has sent everything it could; what remains pending waits behind a parked entry.
   */
  async runUntilEmpty(opts: { deadline?: number } = {}): Promise<CycleResult> {
    for (;;) {
      const r = await this.runOnce();
      if (r.ok || !r.retryable) return r;
      const wait = r.retryInMs;
      if (opts.deadline !== undefined && Date.now() + wait >= opts.deadline) return r;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Starts scheduled sync: soon after start, then on the interval or the backoff. */
  start(firstInMs = 2_000): void {
    this.stopped = false;
    this.schedule(firstInMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The OS reports the network back, or the clerk pressed "sync now": run without waiting. */
  nudge(): void {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const interval = this.opts.intervalMs ?? 60_000;
      void this.runOnce().then(
        (r) => {
          if (!this.stopped && !this.timer) this.schedule(r.ok ? interval : r.retryInMs);
        },
        // A cycle that failed before its own error handling (reading the enrolment; the database
        // closed under it at shutdown) was an unhandled rejection that ended the process.
        () => {
          if (!this.stopped && !this.timer) this.schedule(interval);
        },
      );
    }, ms);
    this.timer.unref?.();
  }

  private setState(state: SyncState, progress: SyncProgress | null = this.progress): void {
    this.state = state;
    this.progress = progress;
    if (this.opts.onState) void this.status().then(this.opts.onState, () => undefined);
  }

  private async cycle(): Promise<CycleResult> {
    const client = await this.client();
    if (!client) {
      this.setState('unenrolled', null);
      // Looked at again on the interval (enrolling in the app nudges at once): with 0 the scheduled
      // sync of an unenrolled window re-ran without pause, ~500 cycles a second from start on.
      return { ok: false, retryable: false, error: '本窗口尚未注册到中心平台：请用注册码注册（yichuang enroll）。', retryInMs: this.opts.intervalMs ?? 60_000 };
    }
    this.setState('syncing', null);
    this.reoffered = 0;
    try {
      await this.pushAll(client);
      await this.pullAll(client);
      // A new generation first seen by a pull (nothing was pending to push) re-offered what this
      // window holds: deliver it in this cycle, so `sync run --until-empty` ends with the outbox empty.
      if (this.reoffered > 0) await this.pushAll(client);
      if (this.opts.recheckLookups !== false) await this.lookups.recheckQueued();
      this.failures = 0;
      await writeSyncMeta(this.opts.db, { lastError: null, lastErrorAt: null, nextRetryAt: null });
      const { pending, parked, oldestPendingAt } = await backlog(this.opts.db);
      const skew = (await readSyncMeta(this.opts.db)).clockSkewMs;
      // Best effort: the supervisor's view may lag a cycle, the sync result does not depend on it.
      await client
        .call('heartbeat', { body: { pending, parked, oldestPendingAt, clockSkewMs: skew === undefined ? null : Math.round(Number(skew)) } })
        .catch(() => undefined);
      this.setState('idle', null);
      return { ok: true, pending };
    } catch (err) {
      const e = err instanceof CentralError ? err : new CentralError('protocol', `同步出错：${(err as Error)?.message ?? String(err)}`);
      this.failures++;
      // Unreachable is probed at most every OFFLINE_PROBE_MAX_MS (a refused connection costs nothing), so a
      // returning network is noticed soon; a central that answers but struggles gets the full backoff.
      const delay = backoffDelay(this.backoff, this.failures, e.opts.retryAfterMs);
      const retryInMs = e.failure === 'offline' ? Math.min(delay, Math.max(OFFLINE_PROBE_MAX_MS, this.backoff.baseMs)) : delay;
      const retryable = e.retryable || e.failure === 'protocol';
      await writeSyncMeta(this.opts.db, {
        lastError: e.message,
        lastErrorAt: new Date().toISOString(),
        nextRetryAt: retryable ? new Date(Date.now() + retryInMs).toISOString() : null,
      });
      this.setState(!retryable ? 'error' : e.failure === 'offline' || e.failure === 'timeout' ? 'offline' : 'backoff', null);
      return { ok: false, retryable, error: e.message, retryInMs };
    }
  }

  private async pushAll(client: CentralClient): Promise<void> {
    const db = this.opts.db;
    let total = (await backlog(db)).pending;
    const progress: SyncProgress = { phase: 'push', done: 0, total, parked: 0 };
    for (;;) {
      const batch = await nextBatch(db, this.batch, this.opts.pii ?? null);
      for (const o of batch.oversized) await parkOversized(db, o.seq, o.bytes, this.batch.maxBytes);
      if (batch.items.length === 0) {
        if (batch.oversized.length > 0) continue;
        return;
      }
      const answer = await client.call('push', { body: { items: batch.items } });
      const gen = await this.observeGeneration(answer);
      if (gen.changed) total += gen.reoffered;
      const counts = await applyPushResults(db, batch.items, answer.results, answer.serverTime);
      await writeSyncMeta(db, { lastPushAt: new Date().toISOString() });
      progress.done += counts.done + counts.parked;
      progress.parked += counts.parked;
      progress.total = Math.max(total, progress.done);
      this.progress = { ...progress };
      this.opts.onProgress?.(this.progress);
      if (counts.done + counts.parked === 0) throw new CentralError('server', answer.results.find((r) => r.reason)?.reason ?? '中心平台暂不能处理本批记录，稍后重试。');
    }
  }

  private async pullAll(client: CentralClient): Promise<void> {
    const limit = this.opts.pullPageSize ?? 1000;
    let failure: unknown = null;
    // The feeds are independent: a catalog page that cannot be applied must not hold back case statuses.
    // Appointments are sealed on arrival: without the PII cipher (the CLI's own engine) they wait for the app.
    const feeds = this.opts.pii ? (['catalog', 'caseStatus', 'appointments'] as const) : (['catalog', 'caseStatus'] as const);
    for (const feed of feeds) {
      try {
        await this.pullFeed(client, feed, limit);
      } catch (err) {
        failure ??= err;
      }
    }
    if (failure) throw failure;
  }

  /** Pulls the appointments feed alone (`appointments.pull`): the window's today list without a whole cycle. */
  async pullAppointments(): Promise<{ pulled: number }> {
    const client = await this.client();
    if (!client) throw new CentralError('refused', '本窗口尚未注册到中心平台：请用注册码注册（yichuang enroll）。');
    return { pulled: await this.pullFeed(client, 'appointments', this.opts.pullPageSize ?? 1000) };
  }

  /** Pages through one feed until the central has no more; returns how many changes it applied. */
  private async pullFeed(client: CentralClient, feed: PullFeed, limit: number): Promise<number> {
    const db = this.opts.db;
    let applied = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      const meta = await readSyncMeta(db);
      const since = Number(meta[CURSOR_OF[feed]] ?? 0);
      const page = await client.call(feed, { query: { since, limit } });
      // A new generation resets the cursors: this page was cut from the old position, so start over.
      if ((await this.observeGeneration(page)).changed) continue;
      if (feed === 'catalog' && 'version' in page) await applyCatalogPage(db, page.changes, page.version);
      if (feed === 'caseStatus' && 'changes' in page && 'cursor' in page) await applyCaseStatusPage(db, page.changes, page.cursor);
      if (feed === 'appointments' && 'appointments' in page && this.opts.pii) await applyAppointmentPage(db, this.opts.pii, page.appointments, page.cursor);
      applied += 'appointments' in page ? page.appointments.length : page.changes.length;
      this.progress = { phase: 'pull', done: 0, total: 0, parked: 0 };
      if (!page.more) break;
    }
    return applied;
  }

  private async observeGeneration(answer: { generation: string; serverTime: string }) {
    const gen = await observeGeneration(this.opts.db, answer.generation, answer.serverTime);
    this.reoffered += gen.reoffered;
    return gen;
  }
}
