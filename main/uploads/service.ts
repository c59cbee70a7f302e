import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/chain';
import type { UploadsStatus } from '../../common/contract/uploads';
import type { DB } from '../db/schema';
import { enrolmentOf, readSyncMeta } from '../sync/sync-meta';
import type { UploadSource } from './source';
import { makeAllDue, readStates } from './state';
import type { PassResult, Uploader } from './uploader';

const LISTED = 100;

/** What the API sees of uploads: status from the material store and `upload_state`, retry now. */
export class UploadsService {
  private lastPass: PassResult | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly source: UploadSource,
    readonly uploader: Uploader,
  ) {}

  /** The uploader reports each pass here (module.ts). */
  passed(r: PassResult): void {
    this.lastPass = r;
  }

  async status(): Promise<UploadsStatus> {
    const [pending, states, meta] = await Promise.all([this.source.pending(), readStates(this.db), readSyncMeta(this.db)]);
    const now = Date.now();
    const rows = pending.map((p) => ({ blob: p, state: states.get(p.sha256) }));
    const failing = rows.filter((r) => r.state?.last_error);
    const waits = failing.map((r) => r.state!.next_attempt_at).filter((t): t is string => Boolean(t) && Date.parse(t!) > now);
    const current = this.uploader.current;
    const state: UploadsStatus['state'] = !enrolmentOf(meta)
      ? 'unenrolled'
      : current
        ? 'uploading'
        : pending.length === 0
          ? 'idle'
          : this.lastPass?.offline
            ? 'offline'
            : failing.length > 0
              ? 'retrying'
              : 'pending';
    return {
      state,
      pendingBlobs: pending.length,
      pendingBytes: pending.reduce((n, p) => n + p.size, 0),
      failing: failing.length,
      lastError: failing.map((r) => r.state!).sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0]?.last_error ?? null,
      nextRetryAt: waits.sort()[0] ?? null,
      current,
      blobs: rows.slice(0, LISTED).map(({ blob, state: s }) => ({
        sha256: blob.sha256,
        size: blob.size,
        caseId: blob.links[0]?.caseId ?? '',
        materialCode: blob.links[0]?.materialCode ?? '',
        links: blob.links.length,
        ackedBytes: s?.acked_bytes ?? 0,
        attempts: s?.attempts ?? 0,
        lastError: s?.last_error ?? null,
        nextAttemptAt: s?.next_attempt_at ?? null,
      })),
    };
  }

  /** Every waiting blob due now (audited); the running app's uploader starts at once. */
  async retry(actor: string): Promise<number> {
    const due = await this.db.transaction().execute(async (trx) => {
      const n = await makeAllDue(trx);
      await appendAudit(trx, { actor, action: 'uploads.retry', detail: { due: n } });
      return n;
    });
    this.uploader.nudge();
    return due;
  }
}
