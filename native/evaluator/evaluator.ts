/** The 好差评 evaluator as main sees it, whatever the device: a serial keypad, the on-screen pad, a vendor box. */

export interface RatingPromptRequest {
  /** Made by main (UUIDv7 without braces is fine); the protocol allows 1–40 of `A–Z a–z 0–9 - _`. */
  promptId: string;
  caseId?: string;
  /** Short text the device may show (the case number). */
  caseLabel?: string;
  timeoutMs: number;
}

export type RatingOutcome =
  | { outcome: 'rated'; level: number; reasons: string[] }
  | { outcome: 'timeout' }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; message: string };

export interface Evaluator {
  readonly deviceId: string;
  /** 评价渠道 of ratings made on it. */
  readonly channel: 'evaluator' | 'screen';
  /** Show the prompt and wait for the answer. Never rejects: every end is an outcome. */
  prompt(request: RatingPromptRequest): Promise<RatingOutcome>;
  /** Withdraw a pending prompt; false when it is not pending (already answered, or unknown). */
  cancel(promptId: string): boolean;
}

/** A rating made without a prompt (someone pressed a key on an idle keypad). */
export interface WalkUpRating {
  deviceId: string;
  level: number;
  reasons: string[];
  at: string;
}

/** Extra time the host waits past the device's own timeout before giving up on it. */
export const HOST_TIMEOUT_GRACE_MS = 2000;

/**
 * The one pending prompt of an evaluator, with the host-side timer. A new prompt cancels the old
 * one; every path settles the promise exactly once.
 */
export class PendingPrompt {
  private current: { id: string; settle: (o: RatingOutcome) => void; timer: NodeJS.Timeout } | null = null;

  get promptId(): string | null {
    return this.current?.id ?? null;
  }

  begin(request: RatingPromptRequest, graceMs = HOST_TIMEOUT_GRACE_MS): Promise<RatingOutcome> {
    if (this.current) this.settle(this.current.id, { outcome: 'cancelled' });
    return new Promise<RatingOutcome>((resolve) => {
      const timer = setTimeout(() => this.settle(request.promptId, { outcome: 'timeout' }), request.timeoutMs + graceMs);
      this.current = { id: request.promptId, settle: resolve, timer };
    });
  }

  /** Settles the prompt if it is the pending one. */
  settle(promptId: string, outcome: RatingOutcome): boolean {
    const c = this.current;
    if (!c || c.id !== promptId) return false;
    clearTimeout(c.timer);
    this.current = null;
    c.settle(outcome);
    return true;
  }

  /** Ends whatever is pending (device gone). */
  fail(message: string): void {
    if (this.current) this.settle(this.current.id, { outcome: 'failed', message });
  }
}
