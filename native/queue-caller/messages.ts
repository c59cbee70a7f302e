import type { CallerFrame } from './frame';

/**
 * What the frames mean (PROTOCOL.md): the host's commands, the caller's answers (function | 0x80)
 * and the caller's own reports (a key pressed on the caller). Ticket numbers and targets are ASCII.
 */
export const FUNC = {
  callNext: 0x01,
  recall: 0x02,
  pass: 0x03,
  evaluate: 0x04,
  pause: 0x05,
  resume: 0x06,
  transfer: 0x07,
  status: 0x08,
  /** Caller → host: a key pressed on the caller itself. */
  key: 0x40,
} as const;
export const ANSWER = 0x80;

/** Status byte of every answer. */
export const STATUS = {
  ok: 0x00,
  noneWaiting: 0x01,
  paused: 0x02,
  timeout: 0x03,
  unknownTicket: 0x04,
  badTarget: 0x05,
  badFrame: 0x0e,
  unknownFunc: 0x0f,
} as const;
export type StatusCode = (typeof STATUS)[keyof typeof STATUS];

export const STATUS_TEXT: Record<number, string> = {
  [STATUS.ok]: '成功',
  [STATUS.noneWaiting]: '没有等候的号',
  [STATUS.paused]: '窗口已暂停服务',
  [STATUS.timeout]: '评价超时',
  [STATUS.unknownTicket]: '叫号器不认识这个号',
  [STATUS.badTarget]: '转入的窗口或队列不存在',
  [STATUS.badFrame]: '叫号器收到的帧校验错误',
  [STATUS.unknownFunc]: '叫号器不支持此功能',
};

/** Keys of the caller (the `key` report), the same codes as the commands they stand for. */
export const KEYS = { [FUNC.callNext]: 'next', [FUNC.recall]: 'recall', [FUNC.pass]: 'pass', [FUNC.pause]: 'pause', [FUNC.resume]: 'resume' } as const;
export type CallerKey = (typeof KEYS)[keyof typeof KEYS];

const TICKET = /^[A-Za-z0-9-]{1,12}$/;
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

export type HostCommand =
  | { type: 'callNext' }
  | { type: 'recall'; ticket: string }
  | { type: 'pass'; ticket: string }
  | { type: 'evaluate'; ticket: string; timeoutSec: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'transfer'; ticket: string; to: { window: string } | { queue: string } }
  | { type: 'status' };

/** A called ticket as the caller reports it. `waitedSec` null: the caller does not know when it was issued. */
export interface CalledOnCaller {
  ticket: string;
  queue: string;
  waiting: number;
  waitedSec: number | null;
}

/** The window as the caller sees it after a command: what the bar shows besides the ticket. */
export interface WindowOnCaller {
  paused: boolean;
  waiting: number;
}

export type CallerAnswer =
  | { type: 'called'; status: number; called: CalledOnCaller | null; waiting: number }
  | { type: 'evaluated'; status: number; level: number | null }
  | { type: 'status'; status: number; paused: boolean; waiting: number }
  /** `window` null: the caller sent the status byte only (an older caller, or the command failed). */
  | { type: 'done'; func: number; status: number; window: WindowOnCaller | null };

export function checkTicket(ticket: string): string {
  if (!TICKET.test(ticket)) throw new Error(`排队号无效：${ticket.slice(0, 20)}（1–12 位字母、数字或短横线）`);
  return ticket;
}

function withLen(s: string): Uint8Array {
  const b = enc(s);
  return Uint8Array.of(b.length, ...b);
}

export function commandFrame(addr: number, c: HostCommand): CallerFrame {
  const data = (): Uint8Array => {
    switch (c.type) {
      case 'callNext':
      case 'pause':
      case 'resume':
      case 'status':
        return new Uint8Array(0);
      case 'recall':
      case 'pass':
        return enc(checkTicket(c.ticket));
      case 'evaluate':
        return Uint8Array.of(Math.max(1, Math.min(255, c.timeoutSec)), ...enc(checkTicket(c.ticket)));
      case 'transfer': {
        const target = 'window' in c.to ? c.to.window : c.to.queue;
        if (!TICKET.test(target)) throw new Error(`转入目标无效：${target.slice(0, 20)}`);
        return Uint8Array.of('window' in c.to ? 1 : 2, ...withLen(checkTicket(c.ticket)), ...enc(target));
      }
    }
  };
  return { addr, func: FUNC[c.type], data: data() };
}

/** The command a frame from the host carries (the simulator's side); null when it is not one. */
export function parseCommand(f: CallerFrame): HostCommand | null {
  const d = f.data;
  try {
    switch (f.func) {
      case FUNC.callNext:
        return { type: 'callNext' };
      case FUNC.pause:
        return { type: 'pause' };
      case FUNC.resume:
        return { type: 'resume' };
      case FUNC.status:
        return { type: 'status' };
      case FUNC.recall:
        return { type: 'recall', ticket: checkTicket(dec(d)) };
      case FUNC.pass:
        return { type: 'pass', ticket: checkTicket(dec(d)) };
      case FUNC.evaluate:
        return { type: 'evaluate', timeoutSec: d[0]!, ticket: checkTicket(dec(d.subarray(1))) };
      case FUNC.transfer: {
        const n = d[1]!;
        const ticket = checkTicket(dec(d.subarray(2, 2 + n)));
        const target = dec(d.subarray(2 + n));
        return { type: 'transfer', ticket, to: d[0] === 1 ? { window: target } : { queue: target } };
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}

/** The caller's answer to a call-next: status, waiting count (u16), waited seconds (u16, FFFF unknown), ticket (length-prefixed), queue (rest). */
export function calledFrame(addr: number, status: number, waiting: number, called: CalledOnCaller | null): CallerFrame {
  const head = [status, (waiting >> 8) & 0xff, waiting & 0xff];
  if (!called) return { addr, func: FUNC.callNext | ANSWER, data: Uint8Array.from(head) };
  const w = called.waitedSec === null ? 0xffff : Math.min(0xfffe, called.waitedSec);
  return { addr, func: FUNC.callNext | ANSWER, data: Uint8Array.of(...head, w >> 8, w & 0xff, ...withLen(called.ticket), ...enc(called.queue)) };
}

/** The window's state as answers carry it after the status byte: paused (`00`/`01`), waiting count (u16). */
export function windowBytes(w: WindowOnCaller): number[] {
  return [w.paused ? 1 : 0, (w.waiting >> 8) & 0xff, w.waiting & 0xff];
}

/** The window's state at `at` in an answer's DATA, or null when the answer is too short to carry it. */
function readWindow(d: Uint8Array, at: number): WindowOnCaller | null {
  return d.length >= at + 3 ? { paused: d[at] === 1, waiting: (d[at + 1]! << 8) | d[at + 2]! } : null;
}

export function answerFrame(addr: number, func: number, status: number, extra: number[] = []): CallerFrame {
  return { addr, func: func | ANSWER, data: Uint8Array.of(status, ...extra) };
}

export function keyFrame(addr: number, key: CallerKey): CallerFrame {
  const code = Number(Object.entries(KEYS).find(([, k]) => k === key)![0]);
  return { addr, func: FUNC.key, data: Uint8Array.of(code) };
}

export type CallerReport = { type: 'answer'; answer: CallerAnswer } | { type: 'key'; key: CallerKey } | { type: 'unknown'; func: number };

/** A frame from the caller: an answer to a command, or a key pressed on it. */
export function parseReport(f: CallerFrame): CallerReport {
  const d = f.data;
  if (f.func === FUNC.key) {
    const key = KEYS[d[0] as keyof typeof KEYS];
    return key ? { type: 'key', key } : { type: 'unknown', func: f.func };
  }
  if (!(f.func & ANSWER) || d.length < 1) return { type: 'unknown', func: f.func };
  const func = f.func & ~ANSWER;
  const status = d[0]!;
  switch (func) {
    case FUNC.callNext: {
      const waiting = d.length >= 3 ? (d[1]! << 8) | d[2]! : 0;
      if (status !== STATUS.ok || d.length < 6) return { type: 'answer', answer: { type: 'called', status, called: null, waiting } };
      const waited = (d[3]! << 8) | d[4]!;
      const n = d[5]!;
      const ticket = dec(d.subarray(6, 6 + n));
      return {
        type: 'answer',
        answer: { type: 'called', status, waiting, called: { ticket, queue: dec(d.subarray(6 + n)), waiting, waitedSec: waited === 0xffff ? null : waited } },
      };
    }
    case FUNC.evaluate:
      return { type: 'answer', answer: { type: 'evaluated', status, level: status === STATUS.ok && d[1]! >= 1 && d[1]! <= 5 ? d[1]! : null } };
    case FUNC.status: {
      const w = readWindow(d, 1);
      return { type: 'answer', answer: { type: 'status', status, paused: w?.paused ?? d[1] === 1, waiting: w?.waiting ?? 0 } };
    }
    default:
      return { type: 'answer', answer: { type: 'done', func, status, window: readWindow(d, 1) } };
  }
}
