import type { DeviceEventMap, DeviceKindSpec, TypedEmitter } from '../devices';
import type { RatingOutcome, RatingPromptRequest } from './evaluator';
import { EvaluatorHub } from './evaluator-hub';
import { serialKeypadKind } from './serial-keypad-driver';

/** How a prompt on a keypad ended: the answer to a prompt main sent by device id. */
export interface EvaluatorOutcomeEvent {
  deviceId: string;
  promptId: string;
  outcome: RatingOutcome;
}

declare module '../devices/events' {
  interface DeviceEventMap {
    /** A keypad prompt ended (rated, timed out, cancelled, failed). */
    evaluator: EvaluatorOutcomeEvent;
  }
}

/**
 * The device side of keypad prompting, beside the DeviceManager wherever it runs (the device-service
 * process, or main when devices run in-process). Connected keypads register in its hub; main prompts
 * one by device id and gets the outcome back as an `evaluator` device event, the way card reads and
 * scans reach main. Register `kind` in the manager's registry.
 */
export class KeypadDesk {
  private readonly hub = new EvaluatorHub();
  readonly kind: DeviceKindSpec = serialKeypadKind(this.hub);

  constructor(private readonly events: Pick<TypedEmitter<DeviceEventMap>, 'emit'>) {}

  /** Shows the prompt on a connected keypad; false when no keypad with that id is connected. */
  prompt(deviceId: string, request: RatingPromptRequest): boolean {
    const keypad = this.hub.pick(deviceId);
    if (!keypad) return false;
    void keypad.prompt(request).then((outcome) => this.events.emit('evaluator', { deviceId, promptId: request.promptId, outcome }));
    return true;
  }

  /** Withdraws a pending prompt; false when it is not pending on that keypad. */
  cancel(deviceId: string, promptId: string): boolean {
    return this.hub.pick(deviceId)?.cancel(promptId) ?? false;
  }
}
