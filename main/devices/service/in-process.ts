import type { DeviceKindSpec, DeviceManagerOptions } from '../../../native/devices';
import { DeviceKindRegistry, DeviceManager } from '../../../native/devices';
import type { RatingPromptRequest } from '../../../native/evaluator/evaluator';
import { KeypadDesk } from '../../../native/evaluator/keypad-desk';
import { loadCardLayoutsFile, type CardLayout } from '../../../native/idcard/card-layouts';
import { idCardKind } from '../../../native/idcard/kind';
import { scannerKind } from '../../../native/scanner/hid-scanner-driver';
import type { Logger } from '../../log/logger';
import type { DeviceServiceImpl } from './surface';

/** The kinds every build drives without help from main (scanners: serial and HID POS by port path). */
export function builtInKinds(log?: Logger): DeviceKindSpec[] {
  return [idCardKind({ layouts: extraCardLayouts(log) }), scannerKind()];
}

/** New card types (layouts) from a data file named by YICHUANG_CARD_LAYOUTS: no code change needed. */
function extraCardLayouts(log?: Logger): CardLayout[] | undefined {
  const file = process.env.YICHUANG_CARD_LAYOUTS;
  if (!file) return undefined;
  try {
    return loadCardLayoutsFile(file);
  } catch (err) {
    log?.error({ err }, 'card layouts file ignored');
    return undefined;
  }
}

/**
 * The device layer itself: the DeviceManager with its kinds and the serial keypads' desk. The
 * device-service child serves one; without a child, main uses one in-process. Either way it is the
 * implementation of the declared surface.
 */
export class DeviceLayer extends DeviceManager implements DeviceServiceImpl {
  private readonly keypads = new KeypadDesk(this.events);

  constructor(kinds: DeviceKindSpec[], options: Omit<DeviceManagerOptions, 'registry'> = {}) {
    const registry = new DeviceKindRegistry();
    super({ ...options, registry });
    for (const spec of kinds) registry.register(spec);
    // Serial keypads: prompted by device id, outcomes come back as `evaluator` events.
    if (!registry.get('evaluator')) registry.register(this.keypads.kind);
  }

  promptEvaluator(deviceId: string, request: RatingPromptRequest): boolean {
    return this.keypads.prompt(deviceId, request);
  }

  cancelEvaluatorPrompt(deviceId: string, promptId: string): boolean {
    return this.keypads.cancel(deviceId, promptId);
  }

  echo(value: unknown): unknown {
    return value;
  }
}
