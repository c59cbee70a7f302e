import { encodeFrame, FrameDecoder, type FrameEvent } from './frame-decoder';
import { statusInfo, type StatusInfo } from './status-codes';

/** Host → reader commands as `[CMD, PARA]`. */
export const COMMANDS = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  readSamId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readText: [0x30, 0x01],
  readTextFingerprint: [0x30, 0x10],
  readAppendedAddress: [0x30, 0x03],
} as const satisfies Record<string, readonly [number, number]>;
export type CommandName = keyof typeof COMMANDS;

/** Baud switch commands `60 00`..`60 04`. */
export const BAUD_PARAS: Readonly<Record<number, number>> = { 115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04 };

export function encodeCommand(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

export function commandFrame(name: CommandName): Uint8Array {
  const [cmd, para] = COMMANDS[name];
  return encodeCommand(cmd, para);
}

/** A reader answer frame (simulator side). */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

/** Framing problems, shared by both directions. */
export type FramingError = Exclude<FrameEvent, { kind: 'frame' }>;

export type ResponseEvent =
  | { kind: 'response'; sw1: number; sw2: number; status: StatusInfo; data: Uint8Array }
  /** A well-formed answer whose SW3 is not a success code: the status and its meaning. */
  | { kind: 'status'; sw1: number; sw2: number; status: StatusInfo; data: Uint8Array }
  | FramingError;

export type CommandEvent = { kind: 'command'; cmd: number; para: number; data: Uint8Array } | FramingError;

/** Host side: reader bytes in, typed answers and typed errors out. Never throws. */
export class ResponseDecoder {
  private readonly frames = new FrameDecoder(4);

  push(chunk: Uint8Array): ResponseEvent[] {
    return this.frames.push(chunk).map(toResponse);
  }

  /** The wait for an answer timed out: drop the partial frame (reported as `timeout`). */
  expire(): ResponseEvent[] {
    return this.frames.expire().map(toResponse);
  }

  reset(): void {
    this.frames.reset();
  }

  get pending(): number {
    return this.frames.pending;
  }

  get capacity(): number {
    return this.frames.capacity;
  }
}

/** Reader side (simulator): host bytes in, commands out. */
export class CommandDecoder {
  private readonly frames = new FrameDecoder(3);

  push(chunk: Uint8Array): CommandEvent[] {
    return this.frames.push(chunk).map((e) =>
      e.kind === 'frame' ? { kind: 'command', cmd: e.body[0]!, para: e.body[1]!, data: e.body.subarray(2) } : e,
    );
  }
}

function toResponse(e: FrameEvent): ResponseEvent {
  if (e.kind !== 'frame') return e;
  const status = statusInfo(e.body[2]!);
  return { kind: status.ok ? 'response' : 'status', sw1: e.body[0]!, sw2: e.body[1]!, status, data: e.body.subarray(3) };
}
