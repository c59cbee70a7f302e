import type { DeviceConfig, DeviceEventMap, DeviceKindSpec, DeviceStatus, FrameRecord, PortInfo, TypedEmitter } from '../../native/devices';
import { DeviceKindRegistry, DeviceManager } from '../../native/devices';
import type { RatingPromptRequest } from '../../native/evaluator/evaluator';
import { KeypadDesk } from '../../native/evaluator/keypad-desk';
import { loadCardLayoutsFile, type CardLayout } from '../../native/idcard/card-layouts';
import { idCardKind } from '../../native/idcard/kind';
import { scannerKind } from '../../native/scanner/hid-scanner-driver';
import type { Logger } from '../../platform/log/logger';

/**
 * What main needs from the device layer. The in-process DeviceManager satisfies it, and so does the
 * device-service supervisor (main/ops/device-service), which runs the same manager in a child process.
 */
export interface DeviceBackend {
  readonly events: TypedEmitter<DeviceEventMap>;
  configure(configs: DeviceConfig[]): Promise<void>;
  start(): Promise<void> | void;
  stop(): Promise<void>;
  list(): DeviceStatus[];
  discover(): Promise<{ ports: PortInfo[]; listingError: string | null }>;
  reconnect(id: string): Promise<boolean>;
  frames(id: string, limit?: number): Promise<FrameRecord[] | null> | FrameRecord[] | null;
  /** In-process only: add a kind whose driver needs main's objects. */
  registerKind?(spec: DeviceKindSpec): void;
  /** Prompt a connected serial keypad (false: none with that id); the outcome follows as an `evaluator` event. */
  promptEvaluator?(deviceId: string, request: RatingPromptRequest): Promise<boolean> | boolean;
  cancelEvaluatorPrompt?(deviceId: string, promptId: string): Promise<boolean> | boolean;
}

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

/** The in-process manager with the built-in kinds and the serial keypads. Other kinds register later through `registerKind`. */
export function inProcessBackend(log?: Logger): DeviceBackend {
  return new InProcessBackend(log);
}

class InProcessBackend extends DeviceManager implements DeviceBackend {
  private readonly keypads = new KeypadDesk(this.events);

  constructor(log?: Logger) {
    const registry = new DeviceKindRegistry();
    super({ registry, log });
    registry.register(this.keypads.kind);
    for (const spec of builtInKinds(log)) registry.register(spec);
  }

  promptEvaluator(deviceId: string, request: RatingPromptRequest): boolean {
    return this.keypads.prompt(deviceId, request);
  }

  cancelEvaluatorPrompt(deviceId: string, promptId: string): boolean {
    return this.keypads.cancel(deviceId, promptId);
  }
}
