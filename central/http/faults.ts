import type { FaultPlan } from '../../common/sync/api';

export type PushFault = { type: 'none' } | { type: '500' } | { type: '429'; retryAfterSeconds: number };

/**
 * Test-only fault injection, counted down per push. The server refuses to arm it unless started
 * with faults allowed, so a production instance cannot be made to misbehave over the network.
 */
export class Faults {
  private plan: FaultPlan = { dropAfterCommit: 0, fail500: 0, fail429: 0, retryAfterSeconds: 1, delayMs: 0 };

  constructor(readonly allowed: boolean) {}

  arm(plan: FaultPlan): void {
    this.plan = { ...plan };
  }

  /** Decided before the batch is applied. */
  beforePush(): PushFault {
    if (this.plan.fail500 > 0) {
      this.plan.fail500--;
      return { type: '500' };
    }
    if (this.plan.fail429 > 0) {
      this.plan.fail429--;
      return { type: '429', retryAfterSeconds: this.plan.retryAfterSeconds };
    }
    return { type: 'none' };
  }

  get delayMs(): number {
    return this.plan.delayMs;
  }

  /** True when the answer to a committed push must be lost (the connection is cut instead). */
  dropAfterCommit(): boolean {
    if (this.plan.dropAfterCommit <= 0) return false;
    this.plan.dropAfterCommit--;
    return true;
  }
}
