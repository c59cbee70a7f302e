import type { DeviceKindSpec, DeviceStatus as DeviceStatusOfBackend } from '../../../native/devices';
/**
 * The device service, declared once: every call main may make of the device layer and every event
 * it sends back. The child's server dispatches by these names, main's proxy is built from them, the
 * in-process layer implements the same interface; the wire messages below are derived from it.
 * Adding a call: a method here, its line in DEVICE_SERVICE_METHODS (the compiler insists), and its
 * implementation in DeviceLayer (./in-process.ts). Messages are structured-clone, so card readings
 * keep their Uint8Array photo bytes.
 */
import type { DeviceConfig, DeviceEventMap, DeviceStatus, FrameRecord, PortInfo, TypedEmitter } from '../../../native/devices';
import type { RatingPromptRequest } from '../../../native/evaluator/evaluator';
import type { CallerAnswer, HostCommand as CallerCommand } from '../../../native/queue-caller/messages';
// The drivers that add events to DeviceEventMap (module augmentation): imported so the map is whole here.
import type {} from '../../../native/evaluator/keypad-desk';
import type {} from '../../../native/evaluator/serial-keypad-driver';
import type {} from '../../../native/queue-caller/caller-driver';
import type {} from '../../../native/scanner/serial-scanner-driver';
import type {} from '../../../native/signature-pad/signature-pad-driver';

/** What the device layer answers, wherever it runs. */
export interface DeviceServiceApi {
  configure(configs: DeviceConfig[]): void;
  start(): void;
  stop(): void;
  list(): DeviceStatus[];
  discover(): { ports: PortInfo[]; listingError: string | null };
  /** False: no device with that id. */
  reconnect(id: string): boolean;
  /** Null: no device with that id. */
  frames(id: string, limit?: number): FrameRecord[] | null;
  /** Prompt a connected serial keypad (false: none with that id); the outcome follows as an `evaluator` event. */
  promptEvaluator(deviceId: string, request: RatingPromptRequest): boolean;
  cancelEvaluatorPrompt(deviceId: string, promptId: string): boolean;
  /** One command to a connected window caller (叫号器), answered by the caller; rejects in plain Chinese when it is not connected or does not answer. */
  queueCallerCommand(deviceId: string, command: CallerCommand): Promise<CallerAnswer>;
  /** Test and bench hook: answers at once, for measuring the bare round trip. */
  echo(value: unknown): unknown;
}

/** What the device layer tells main: every event of the DeviceManager and its drivers (status, card, scan, rating, evaluator, signaturePad). */
export type DeviceServiceEvents = DeviceEventMap;

/** The call names at run time: exactly the interface's, no more, no fewer (checked by the compiler). */
export const DEVICE_SERVICE_METHODS = {
  configure: true,
  start: true,
  stop: true,
  list: true,
  discover: true,
  reconnect: true,
  frames: true,
  promptEvaluator: true,
  cancelEvaluatorPrompt: true,
  queueCallerCommand: true,
  echo: true,
} as const satisfies { [M in keyof DeviceServiceApi]: true };

/** The event names at run time: every key of DeviceEventMap, so a driver's new event is forwarded or the build fails. */
export const DEVICE_SERVICE_EVENTS = {
  status: true,
  card: true,
  scan: true,
  rating: true,
  evaluator: true,
  signaturePad: true,
  queueCallerKey: true,
} as const satisfies { [E in keyof DeviceServiceEvents]: true };

export type DeviceServiceMethodName = keyof DeviceServiceApi;
export type DeviceServiceEventName = keyof DeviceServiceEvents;
export const deviceServiceMethodNames = Object.keys(DEVICE_SERVICE_METHODS) as DeviceServiceMethodName[];
export const deviceServiceEventNames = Object.keys(DEVICE_SERVICE_EVENTS) as DeviceServiceEventName[];

export const isDeviceServiceMethod = (name: unknown): name is DeviceServiceMethodName => typeof name === 'string' && Object.hasOwn(DEVICE_SERVICE_METHODS, name);
export const isDeviceServiceEvent = (name: unknown): name is DeviceServiceEventName => typeof name === 'string' && Object.hasOwn(DEVICE_SERVICE_EVENTS, name);

type Args<M extends DeviceServiceMethodName> = Parameters<DeviceServiceApi[M]>;
// Awaited: a call declared async (a window caller answers later) is still one promise across the boundary.
type Answer<M extends DeviceServiceMethodName> = Awaited<ReturnType<DeviceServiceApi[M]>>;

/** An implementation of the surface (the DeviceLayer, in the child or in-process): answers now or later. */
export type DeviceServiceImpl = { [M in DeviceServiceMethodName]: (...args: Args<M>) => Answer<M> | Promise<Answer<M>> } & {
  readonly events: TypedEmitter<DeviceServiceEvents>;
};

/** The surface seen from main across the process boundary: every call answers later. */
export type DeviceServiceRemote = { [M in DeviceServiceMethodName]: (...args: Args<M>) => Promise<Answer<M>> };

export type ToService =
  | { [M in DeviceServiceMethodName]: { t: 'call'; id: number; method: M; args: Args<M> } }[DeviceServiceMethodName]
  | { t: 'ping'; seq: number };

export type FromService =
  | { t: 'ready'; pid: number }
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; message: string }
  | { [E in DeviceServiceEventName]: { t: 'event'; name: E; payload: DeviceServiceEvents[E] } }[DeviceServiceEventName]
  | { t: 'pong'; seq: number };

/** The child's side of the channel, whichever process kind it runs in. */
export interface ParentPort {
  send(message: FromService): void;
  onMessage(listener: (message: ToService) => void): void;
}

/**
 * What main's DeviceService needs from the device layer: the declared surface, with `list()` answered
 * at once (the supervisor keeps it current from status events). The in-process DeviceLayer satisfies
 * it, and so does the supervised device-service process.
 */
// Declared here, beside the surface it narrows, so the supervisor and the backends share it without a circle.
export interface DeviceBackend extends Omit<DeviceServiceImpl, 'list'> {
  list(): DeviceStatusOfBackend[];
  /** In-process only: add a kind whose driver needs main's objects. */
  registerKind?(spec: DeviceKindSpec): void;
}
