import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../common/contract/errors';
import type { EventPayload } from '../../common/contract';
import type { Evaluator } from '../../native/evaluator/evaluator';
import { EvaluatorHub } from '../../native/evaluator/evaluator-hub';
import { ScreenEvaluator } from '../../native/evaluator/screen-evaluator';
import type { Logger } from '../../platform/log/logger';
import { KeypadRoster, type KeypadLink } from './keypad-proxies';

export const DEFAULT_RATING_TIMEOUT_MS = 60_000;

type Publish = {
  (name: 'evaluator.prompted', payload: EventPayload<'evaluator.prompted'>): void;
  (name: 'evaluator.rating', payload: EventPayload<'evaluator.rating'>): void;
  (name: 'evaluator.ended', payload: EventPayload<'evaluator.ended'>): void;
};

/**
 * Main's side of 好差评 prompting: picks an evaluator (a connected keypad, in-process or in the
 * device service, else the on-screen pad), prompts it in the background and publishes the answer
 * as `evaluator.rating` — the event the ratings code and the intake screen consume — or
 * `evaluator.ended` when there is none.
 */
export class EvaluatorService {
  readonly hub: EvaluatorHub;
  readonly screen: ScreenEvaluator;
  private readonly pending = new Map<string, { evaluator: Evaluator; caseId?: string }>();
  private readonly keypads: KeypadRoster;

  constructor(
    private readonly publish: Publish,
    devices: KeypadLink,
    private readonly log?: Logger,
  ) {
    this.screen = new ScreenEvaluator((req) =>
      this.publish('evaluator.prompted', { promptId: req.promptId, caseId: req.caseId, device: this.screen.deviceId, timeoutMs: req.timeoutMs }),
    );
    this.hub = new EvaluatorHub(this.screen);
    this.keypads = new KeypadRoster(this.hub, devices, log);
  }

  /** Follow the device layer's keypads (connected ones are preferred to the on-screen pad). */
  start(): void {
    this.keypads.start();
  }

  stop(): void {
    this.cancelAll();
    this.keypads.stop();
  }

  prompt(input: { caseId?: string; timeoutMs?: number; device?: string }): { promptId: string; device: string } {
    const evaluator = this.hub.pick(input.device);
    if (!evaluator) throw new AppError('NOT_FOUND', `评价器 ${input.device} 未连接，请检查设备或改用屏幕评价。`);
    const promptId = uuidv7();
    const timeoutMs = input.timeoutMs ?? DEFAULT_RATING_TIMEOUT_MS;
    // One prompt per window at a time: a new one replaces any still open.
    for (const id of [...this.pending.keys()]) this.cancel(id);
    this.pending.set(promptId, { evaluator, caseId: input.caseId });
    if (evaluator !== this.screen)
      this.publish('evaluator.prompted', { promptId, caseId: input.caseId, device: evaluator.deviceId, timeoutMs });
    void evaluator
      .prompt({ promptId, caseId: input.caseId, caseLabel: input.caseId, timeoutMs })
      .then((outcome) => {
        this.pending.delete(promptId);
        if (outcome.outcome === 'rated') {
          this.publish('evaluator.rating', {
            caseId: input.caseId,
            promptId,
            level: outcome.level,
            reasons: outcome.reasons,
            channel: evaluator.channel,
            device: evaluator.deviceId,
          });
        } else {
          this.publish('evaluator.ended', {
            promptId,
            device: evaluator.deviceId,
            outcome: outcome.outcome,
            message: outcome.outcome === 'failed' ? outcome.message : undefined,
          });
        }
      })
      .catch((err: unknown) => this.log?.error({ err, promptId }, 'rating prompt failed'));
    return { promptId, device: evaluator.deviceId };
  }

  cancel(promptId: string): boolean {
    const p = this.pending.get(promptId);
    return p ? p.evaluator.cancel(promptId) : false;
  }

  /** The on-screen pad's answer. */
  submit(promptId: string, level: number, reasons: string[]): boolean {
    return this.screen.submit(promptId, level, reasons);
  }

  /** A key pressed on an idle keypad: a rating with no case (一次一评 is for main's ratings code to judge). */
  walkUp(rating: { deviceId: string; level: number; reasons: string[] }): void {
    this.publish('evaluator.rating', { level: rating.level, reasons: rating.reasons, channel: 'evaluator', device: rating.deviceId });
  }

  cancelAll(): void {
    for (const id of [...this.pending.keys()]) this.cancel(id);
  }
}
