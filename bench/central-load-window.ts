import { v7 as uuidv7 } from 'uuid';
import type { PushItem } from '../common/sync/api';
import { ENTRY_VERSION } from '../common/sync/entries';
import { sampleCase } from '../main/sync/testing/sample-entries';
import { CentralClient, CentralError } from '../main/sync/central-client';

/** What one simulated window did in a load step. */
export interface WindowTally {
  cases: number;
  pushMs: number[];
  statusPulls: number;
  statusesSeen: number;
  heartbeats: number;
  /** Pushes the central turned away as busy (429, its back-pressure), retried after Retry-After. */
  busy: number;
  errors: string[];
}

/**
 * A hall window reduced to its traffic, through the real sync client and contract: it pushes its
 * cases in batches (as the outbox drains), pulls its hall's case statuses after each push, and
 * heart-beats on a timer. No local database: the load is the central's, not the window's.
 */
export class SimulatedWindow {
  private seq = 0;
  private statusCursor = 0;

  constructor(
    private readonly client: CentralClient,
    /** Every case id this window had accepted: the status writer picks from these. */
    private readonly pushed: string[],
  ) {}

  static async enrol(baseUrl: string, code: string, pushed: string[]): Promise<SimulatedWindow> {
    const r = await new CentralClient({ baseUrl, timeoutMs: 20_000 }).call('enroll', { body: { code, deviceName: 'central-load' } });
    return new SimulatedWindow(new CentralClient({ baseUrl, credential: r.credential, timeoutMs: 20_000 }), pushed);
  }

  async run(opts: { cases: number; batch: number; heartbeatMs: number; deadline: number }): Promise<WindowTally> {
    const tally: WindowTally = { cases: 0, pushMs: [], statusPulls: 0, statusesSeen: 0, heartbeats: 0, busy: 0, errors: [] };
    const beat = async () => {
      try {
        await this.client.call('heartbeat', { body: { pending: opts.cases - tally.cases, parked: 0, oldestPendingAt: null, clockSkewMs: 0 } });
        tally.heartbeats++;
      } catch (err) {
        tally.errors.push(`heartbeat: ${(err as Error).message}`);
      }
    };
    // Windows do not beat in step: each starts its timer at a random point of the period.
    let timer: NodeJS.Timeout | undefined;
    const first = setTimeout(() => {
      void beat();
      timer = setInterval(() => void beat(), opts.heartbeatMs);
    }, Math.random() * opts.heartbeatMs);
    try {
      while (tally.cases < opts.cases && Date.now() < opts.deadline) {
        const items = Array.from({ length: Math.min(opts.batch, opts.cases - tally.cases) }, () => this.caseItem());
        const t0 = performance.now();
        let answer;
        try {
          answer = await this.client.call('push', { body: { items } });
        } catch (err) {
          if (!(err instanceof CentralError) || err.failure !== 'rate_limited') throw err;
          // As the sync engine does: wait what the central asked (with jitter), then offer the batch again (the 429 came before any of it was applied).
          tally.busy++;
          this.seq -= items.length;
          await new Promise((r) => setTimeout(r, (err.opts.retryAfterMs ?? 1000) * (0.5 + Math.random())));
          continue;
        }
        tally.pushMs.push(performance.now() - t0);
        const notAccepted = answer.results.filter((r) => r.status !== 'accepted');
        if (notAccepted.length) throw new Error(`push: ${notAccepted.length} of ${items.length} not accepted (${notAccepted[0]!.status})`);
        tally.cases += items.length;
        for (const item of items) this.pushed.push(item.aggregateId);
        const statuses = await this.client.call('caseStatus', { query: { since: this.statusCursor } });
        this.statusCursor = statuses.cursor;
        tally.statusPulls++;
        tally.statusesSeen += statuses.changes.length;
      }
    } catch (err) {
      tally.errors.push((err as Error).message);
    } finally {
      clearTimeout(first);
      clearInterval(timer);
    }
    return tally;
  }

  /** One accepted case in its wire form (`case.accepted`, current version, no applicant), as the engine pushes it. */
  private caseItem(): PushItem {
    const id = uuidv7();
    const seq = ++this.seq;
    const payload = { case: { ...sampleCase(id, `L${String(seq).padStart(6, '0')}`), status: 'accepted' }, applicant: null };
    return { id, seq, kind: 'case.accepted', v: ENTRY_VERSION, aggregateId: id, createdAt: new Date().toISOString(), payload };
  }
}
