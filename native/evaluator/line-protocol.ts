/** The evaluator keypad line protocol (PROTOCOL.md beside this file): parse and format lines. */

export type DeviceLine =
  | { type: 'hello'; model: string; firmware: string }
  | { type: 'pong' }
  | { type: 'ack'; promptId: string }
  | { type: 'rate'; promptId: string | null; level: number; reasons: string[] }
  | { type: 'timeout'; promptId: string }
  | { type: 'err'; code: string; text: string }
  | { type: 'unknown'; line: string };

export type HostLine =
  | { type: 'hello' }
  | { type: 'ping' }
  | { type: 'prompt'; promptId: string; timeoutSec: number; caseLabel?: string }
  | { type: 'cancel'; promptId: string }
  | { type: 'ok'; promptId: string };

const PROMPT_ID = /^[A-Za-z0-9_-]{1,40}$/;
export const MAX_EVALUATOR_LINE_BYTES = 512;

export function isPromptId(id: string): boolean {
  return PROMPT_ID.test(id) && id !== '-';
}

export function encodeField(text: string): string {
  return text.replace(/[% |\r\n]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

export function decodeField(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray % from a sloppy device: keep what it sent
  }
}

export function formatHostLine(line: HostLine): string {
  switch (line.type) {
    case 'hello':
      return 'HELLO\n';
    case 'ping':
      return 'PING\n';
    case 'prompt':
      return `PROMPT ${line.promptId} ${line.timeoutSec}${line.caseLabel ? ' ' + encodeField(line.caseLabel) : ''}\n`;
    case 'cancel':
      return `CANCEL ${line.promptId}\n`;
    case 'ok':
      return `OK ${line.promptId}\n`;
  }
}

export function formatDeviceLine(line: Exclude<DeviceLine, { type: 'unknown' }>): string {
  switch (line.type) {
    case 'hello':
      return `HELLO ${encodeField(line.model)} ${encodeField(line.firmware)}\n`;
    case 'pong':
      return 'PONG\n';
    case 'ack':
      return `ACK ${line.promptId}\n`;
    case 'rate': {
      const reasons = line.reasons.length ? ' ' + line.reasons.map(encodeField).join('|') : '';
      return `RATE ${line.promptId ?? '-'} ${line.level}${reasons}\n`;
    }
    case 'timeout':
      return `TIMEOUT ${line.promptId}\n`;
    case 'err':
      return `ERR ${line.code}${line.text ? ' ' + encodeField(line.text) : ''}\n`;
  }
}

/** A line from the device (terminator already removed). Never throws: odd lines come back as `unknown`. */
export function parseDeviceLine(line: string): DeviceLine {
  const parts = line.trim().split(' ');
  const [verb, a, b, c] = parts;
  switch (verb) {
    case 'HELLO':
      return { type: 'hello', model: decodeField(a ?? ''), firmware: decodeField(b ?? '') };
    case 'PONG':
      return { type: 'pong' };
    case 'ACK':
      return a && isPromptId(a) ? { type: 'ack', promptId: a } : { type: 'unknown', line };
    case 'TIMEOUT':
      return a && isPromptId(a) ? { type: 'timeout', promptId: a } : { type: 'unknown', line };
    case 'ERR':
      return { type: 'err', code: a ?? 'UNKNOWN', text: decodeField(parts.slice(2).join(' ')) };
    case 'RATE': {
      const level = Number(b);
      if (!a || (a !== '-' && !isPromptId(a)) || !Number.isInteger(level) || level < 1 || level > 5 || parts.length > 4)
        return { type: 'unknown', line };
      const reasons = c ? c.split('|').map(decodeField).filter((r) => r.length > 0).slice(0, 20) : [];
      return { type: 'rate', promptId: a === '-' ? null : a, level, reasons };
    }
    default:
      return { type: 'unknown', line };
  }
}

/** A line from the host, for the simulator (terminator already removed). */
export function parseHostLine(line: string): HostLine | null {
  const [verb, a, b, c] = line.trim().split(' ');
  switch (verb) {
    case 'HELLO':
      return { type: 'hello' };
    case 'PING':
      return { type: 'ping' };
    case 'PROMPT': {
      const timeoutSec = Number(b);
      if (!a || !isPromptId(a) || !Number.isInteger(timeoutSec) || timeoutSec < 1) return null;
      return c ? { type: 'prompt', promptId: a, timeoutSec, caseLabel: decodeField(c) } : { type: 'prompt', promptId: a, timeoutSec };
    }
    case 'CANCEL':
      return a && isPromptId(a) ? { type: 'cancel', promptId: a } : null;
    case 'OK':
      return a && isPromptId(a) ? { type: 'ok', promptId: a } : null;
    default:
      return null;
  }
}
