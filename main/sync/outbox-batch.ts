import { sql, type Kysely } from 'kysely';
import type { PushItem, PushResult } from '../../common/sync/api';
import { versionOfStoredKind } from '../../common/sync/entries';
import type { PiiCipher } from '../crypto/pii-cipher';
import { UnavailablePiiCipher } from '../crypto/unavailable-cipher';
import { CentralError } from './central-client';
import type { DB } from '../db/schema';

export interface BatchLimits {
  maxItems: number;
  maxBytes: number;
}

export interface OutboxBatch {
  items: PushItem[];
  /** Entries too large to ever send, to be parked rather than retried forever. */
  oversized: Array<{ seq: number; bytes: number }>;
}

/**
 * The next entries to push, in device-sequence order (so per case in order), bounded by count and
 * bytes. Entries behind a parked entry of the same case wait: sending a rating before the case it
 * rates was stored would break the order; other cases go ahead.
 */
export async function nextBatch(db: Kysely<DB>, limits: BatchLimits, pii: PiiCipher | null = null): Promise<OutboxBatch> {
  const rows = await db
    .selectFrom('outbox as o')
    .select(['o.seq', 'o.id', 'o.kind', 'o.aggregate_id', 'o.payload', 'o.created_at'])
    .where('o.state', '=', 'pending')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox as p')
            .select(sql`1`.as('one'))
            .whereRef('p.aggregate_id', '=', 'o.aggregate_id')
            .where('p.state', '=', 'parked')
            .whereRef('p.seq', '<', 'o.seq'),
        ),
      ),
    )
    .orderBy('o.seq')
    .limit(limits.maxItems)
    .execute();
  const items: PushItem[] = [];
  const oversized: OutboxBatch['oversized'] = [];
  let bytes = 2;
  for (const r of rows) {
    const size = Buffer.byteLength(r.payload) + 200;
    if (size > limits.maxBytes) {
      oversized.push({ seq: r.seq, bytes: size });
      break; // the rest of this case must wait behind it; the next batch starts after it is parked
    }
    if (bytes + size > limits.maxBytes && items.length > 0) break;
    bytes += size;
    items.push({ id: r.id, seq: r.seq, kind: r.kind, v: versionOfStoredKind(r.kind), aggregateId: r.aggregate_id, createdAt: r.created_at, payload: unsealApplicant(JSON.parse(r.payload), pii) });
  }
  return { items, oversized };
}

/**
 * The outbox holds the applicant sealed with this window's data key, which the central platform
 * cannot open: it is opened only here (`applicantSealed` becomes `applicant`, null when the event
 * carries none), on the way out (over TLS in deployment). A process that
 * cannot reach the key (a command line where the desktop app keeps it in the OS key store) must
 * not send it: the case would arrive at the central without a readable applicant and never be
 * sent again. A payload whose seal cannot be opened with the key (key lost) goes as it is, rather
 * than holding back the case.
 */
function unsealApplicant(payload: Record<string, unknown>, pii: PiiCipher | null): Record<string, unknown> {
  if (!payload || !('applicantSealed' in payload)) return payload;
  const { applicantSealed: sealed, ...rest } = payload;
  if (typeof sealed !== 'string') return { ...rest, applicant: null };
  if (!pii || pii instanceof UnavailablePiiCipher)
    throw new CentralError('refused', `有含申请人信息的办件待上传，但本进程读不到数据密钥：这些办件没有发送，仍在待发队列中。${pii?.reason ?? '请在一窗程序内同步。'}`);
  try {
    return { ...rest, applicant: JSON.parse(pii.open(sealed)) };
  } catch {
    return { ...rest, applicant: null, applicantSealed: sealed };
  }
}

export interface AppliedCounts {
  done: number;
  parked: number;
  retry: number;
}

/**
 * Records the central platform's per-item answers in one transaction. Only `accepted` and
 * `duplicate` finish an entry; `rejected` parks it with the reason (never dropped); anything else,
 * including an item the answer does not mention, stays pending for the next attempt.
 */
export async function applyPushResults(db: Kysely<DB>, sent: PushItem[], results: PushResult[], centralTime: string): Promise<AppliedCounts> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const counts: AppliedCounts = { done: 0, parked: 0, retry: 0 };
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const done: number[] = [];
    for (const item of sent) {
      const r = byId.get(item.id);
      if (r && (r.status === 'accepted' || r.status === 'duplicate')) {
        done.push(item.seq);
        continue;
      }
      if (r?.status === 'rejected') {
        counts.parked++;
        await trx
          .updateTable('outbox')
          .set((eb) => ({ state: 'parked', parked_reason: r.reason ?? '中心平台拒收（未说明原因）', attempts: eb('attempts', '+', 1), last_error: r.reason ?? null }))
          .where('seq', '=', item.seq)
          .where('state', '=', 'pending')
          .execute();
        continue;
      }
      counts.retry++;
      await trx
        .updateTable('outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: r?.reason ?? '中心平台未答复此条，稍后重发。' }))
        .where('seq', '=', item.seq)
        .execute();
    }
    // One statement for the common case: the whole batch accepted.
    const result = JSON.stringify({ at: centralTime, localAt: now });
    for (let i = 0; i < done.length; i += 500) {
      const chunk = done.slice(i, i + 500);
      await trx
        .updateTable('outbox')
        .set((eb) => ({ state: 'done', done_at: now, central_result: result, attempts: eb('attempts', '+', 1), last_error: null }))
        .where('seq', 'in', chunk)
        .where('state', '=', 'pending')
        .execute();
    }
    counts.done = done.length;
  });
  return counts;
}

/** Parks an entry that can never be sent as it is (bigger than any batch may be). */
export async function parkOversized(db: Kysely<DB>, seq: number, bytes: number, maxBytes: number): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ state: 'parked', parked_reason: `记录过大（约 ${Math.ceil(bytes / 1024)} KB，单批上限 ${Math.floor(maxBytes / 1024)} KB），无法上传：请联系运维人员。` })
    .where('seq', '=', seq)
    .where('state', '=', 'pending')
    .execute();
}

export interface BacklogFigures {
  pending: number;
  parked: number;
  oldestPendingAt: string | null;
}

export async function backlog(db: Kysely<DB>): Promise<BacklogFigures> {
  const rows = await db
    .selectFrom('outbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('state', 'in', ['pending', 'parked'])
    .groupBy('state')
    .execute();
  const of = (s: string) => rows.find((r) => r.state === s);
  return { pending: Number(of('pending')?.n ?? 0), parked: Number(of('parked')?.n ?? 0), oldestPendingAt: (of('pending')?.oldest as string | undefined) ?? null };
}
