import type { DeviceKindSpec, DeviceManagerOptions } from '../../../native/devices';
import { DeviceKindRegistry, DeviceManager } from '../../../native/devices';
import type { RatingPromptRequest } from '../../../native/evaluator/evaluator';
import { KeypadDesk } from '../../../native/evaluator/keypad-desk';
import { CallerDesk } from '../../../native/queue-caller/caller-driver';
import type { CallerAnswer, HostCommand as CallerCommand } from '../../../native/queue-caller/messages';
import { loadCardLayoutsFile } from '../../../native/idcard/card-layouts';
import { idCardKind } from '../../../native/idcard/kind';
import { scannerKind } from '../../../native/scanner/hid-scanner-driver';
import { listHidPorts } from '../../../native/signature-pad/hid-ports';
import { loadPadModelsFile } from '../../../native/signature-pad/pad-models';
import { signaturePadKind } from '../../../native/signature-pad/signature-pad-driver';
import type { Logger } from '../../../platform/log/logger';
import type { DeviceServiceImpl } from './surface';

/**
 * The kinds every build drives without help from main (scanners: serial and HID POS by port path).
 * Device tables grow by data files, no code change: YICHUANG_CARD_LAYOUTS (new card types) and
 * YICHUANG_SIGNATURE_PAD_MODELS (new signature pads).
 */
export function builtInKinds(log?: Logger): DeviceKindSpec[] {
  return [
    idCardKind({ layouts: tableFromFile('YICHUANG_CARD_LAYOUTS', loadCardLayoutsFile, log) }),
    scannerKind(),
    signaturePadKind({ models: tableFromFile('YICHUANG_SIGNATURE_PAD_MODELS', loadPadModelsFile, log) }),
  ];
}

/** The table in the file an environment variable names; a bad file is logged and the built-in table kept. */
function tableFromFile<T>(envVar: string, load: (file: string) => T[], log?: Logger): T[] | undefined {
  const file = process.env[envVar];
  if (!file) return undefined;
  try {
    return load(file);
  } catch (err) {
    log?.error({ err, envVar }, 'device table file ignored');
    return undefined;
  }
}

/**
 * The device layer itself: the DeviceManager with its kinds, the serial keypads' desk and the window callers'. The
 * device-service child serves one; without a child, main uses one in-process. Either way it is the
 * implementation of the declared surface.
 */
export class DeviceLayer extends DeviceManager implements DeviceServiceImpl {
  private readonly keypads = new KeypadDesk(this.events);
  private readonly callers = new CallerDesk();

  constructor(kinds: DeviceKindSpec[], options: Omit<DeviceManagerOptions, 'registry'> = {}) {
    const registry = new DeviceKindRegistry();
    // HID devices (signature pads, HID POS scanners) are discovered beside the serial ports.
    super({ listHid: () => listHidPorts(), ...options, registry });
    for (const spec of kinds) registry.register(spec);
    // Serial keypads: prompted by device id, outcomes come back as `evaluator` events.
    if (!registry.get('evaluator')) registry.register(this.keypads.kind);
    // Window callers (叫号器): commanded by device id from main's queue.
    if (!registry.get('queueCaller')) registry.register(this.callers.kind);
  }

  promptEvaluator(deviceId: string, request: RatingPromptRequest): boolean {
    return this.keypads.prompt(deviceId, request);
  }

  cancelEvaluatorPrompt(deviceId: string, promptId: string): boolean {
    return this.keypads.cancel(deviceId, promptId);
  }

  queueCallerCommand(deviceId: string, command: CallerCommand): Promise<CallerAnswer> {
    return this.callers.command(deviceId, command);
  }

  echo(value: unknown): unknown {
    return value;
  }
}
