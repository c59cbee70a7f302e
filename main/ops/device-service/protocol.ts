/**
 * The message protocol between main and the device service (a Node child process in the browser
 * host and tests, an Electron utilityProcess in the app). Structured-clone messages, so card
 * readings keep their Uint8Array photo bytes.
 */
import type { DeviceConfig } from '../../../native/devices';
import type { RatingPromptRequest } from '../../../native/evaluator/evaluator';

/** DeviceManager methods the service exposes, with their arguments and answers. */
export interface ServiceCalls {
  configure: { args: [DeviceConfig[]]; result: void };
  start: { args: []; result: void };
  stop: { args: []; result: void };
  list: { args: []; result: import('../../../native/devices').DeviceStatus[] };
  discover: { args: []; result: { ports: import('../../../native/devices').PortInfo[]; listingError: string | null } };
  reconnect: { args: [string]; result: boolean };
  frames: { args: [string, number | undefined]; result: import('../../../native/devices').FrameRecord[] | null };
  /** Prompt a connected serial keypad (false: none with that id); the outcome follows as an `evaluator` event. */
  evaluatorPrompt: { args: [string, RatingPromptRequest]; result: boolean };
  evaluatorCancel: { args: [string, string]; result: boolean };
  /** Test and bench hook: answers at once, for measuring the bare round trip. */
  echo: { args: [unknown]; result: unknown };
}
export type CallName = keyof ServiceCalls;

export type ToService =
  | { t: 'call'; id: number; method: CallName; args: unknown[] }
  | { t: 'ping'; seq: number };

export type FromService =
  | { t: 'ready'; pid: number }
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; message: string }
  | { t: 'event'; name: string; payload: unknown }
  | { t: 'pong'; seq: number };

/** The child's side of the channel, whichever process kind it runs in. */
export interface ParentPort {
  send(message: FromService): void;
  onMessage(listener: (message: ToService) => void): void;
}
