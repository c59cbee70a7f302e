import { PendingPrompt, type Evaluator, type RatingOutcome, type RatingPromptRequest } from './evaluator';

export const SCREEN_EVALUATOR_ID = 'screen';

/**
 * The on-screen pad on the applicant-facing screen (the default evaluator). Prompting tells the UI
 * through `onPrompted`; the pad answers with `submit`. No device I/O, so it lives beside the drivers.
 */
export class ScreenEvaluator implements Evaluator {
  readonly deviceId = SCREEN_EVALUATOR_ID;
  readonly channel = 'screen' as const;
  private readonly pending = new PendingPrompt();

  constructor(private readonly onPrompted: (request: RatingPromptRequest) => void) {}

  prompt(request: RatingPromptRequest): Promise<RatingOutcome> {
    const result = this.pending.begin(request, 0);
    this.onPrompted(request);
    return result;
  }

  cancel(promptId: string): boolean {
    return this.pending.settle(promptId, { outcome: 'cancelled' });
  }

  /** The applicant tapped a level; false when the prompt is no longer pending. */
  submit(promptId: string, level: number, reasons: string[]): boolean {
    return this.pending.settle(promptId, { outcome: 'rated', level, reasons });
  }
}
