import { LineSplitter } from '../../scanner/line-splitter';
import { openPtyLink, type PtyLink } from '../../scanner/sim/pty-link';
import { formatDeviceLine, MAX_EVALUATOR_LINE_BYTES, parseHostLine, type HostLine } from '../line-protocol';

/** How the simulated applicant answers a prompt. */
export type SimulatedAnswer = { level: number; reasons?: string[]; afterMs?: number } | { timeout: true; afterMs?: number } | { silent: true };

export interface EvaluatorSimulatorOptions {
  model?: string;
  firmware?: string;
  /** Answers used in turn for successive prompts; the last one repeats. None → wait for `press`. */
  answers?: SimulatedAnswer[];
  /** Don't answer HELLO (a device of another protocol, or the wrong baud). */
  mute?: boolean;
}

/** A keypad speaking PROTOCOL.md on a real pty: the reference device for the serial driver. */
export class EvaluatorSimulator {
  private readonly splitter = new LineSplitter(MAX_EVALUATOR_LINE_BYTES);
  private prompted: string | null = null;
  private answerIndex = 0;
  private timer: NodeJS.Timeout | null = null;
  readonly received: HostLine[] = [];
  private listeners: Array<(line: HostLine) => void> = [];

  private constructor(
    private readonly link: PtyLink,
    private readonly opts: EvaluatorSimulatorOptions,
  ) {
    link.onData((chunk) => {
      for (const item of this.splitter.push(chunk)) {
        if ('error' in item) this.send({ type: 'err', code: 'BADLINE', text: '行过长' });
        else this.handle(item.line.toString('utf8'));
      }
    });
  }

  static async start(opts: EvaluatorSimulatorOptions = {}): Promise<EvaluatorSimulator> {
    return new EvaluatorSimulator(await openPtyLink(), opts);
  }

  get path(): string {
    return this.link.path;
  }

  /** The prompt the keypad is showing, if any. */
  get currentPrompt(): string | null {
    return this.prompted;
  }

  onLine(listener: (line: HostLine) => void): void {
    this.listeners.push(listener);
  }

  /** The applicant presses a key: answers the shown prompt, or makes a walk-up rating. */
  press(level: number, reasons: string[] = []): void {
    const promptId = this.prompted;
    this.clearPrompt();
    this.send({ type: 'rate', promptId, level, reasons });
  }

  close(): Promise<void> {
    this.clearPrompt();
    return this.link.close();
  }

  private handle(text: string): void {
    const line = parseHostLine(text);
    if (!line) return this.send({ type: 'err', code: 'UNKNOWN', text: text.slice(0, 40) });
    this.received.push(line);
    for (const l of this.listeners) l(line);
    if (this.opts.mute) return;
    switch (line.type) {
      case 'hello':
        return this.send({ type: 'hello', model: this.opts.model ?? 'YC-SIM-5', firmware: this.opts.firmware ?? '1.0' });
      case 'ping':
        return this.send({ type: 'pong' });
      case 'prompt':
        this.clearPrompt();
        this.prompted = line.promptId;
        this.send({ type: 'ack', promptId: line.promptId });
        return this.answer(line.promptId, line.timeoutSec);
      case 'cancel':
        if (this.prompted === line.promptId) this.clearPrompt();
        return this.send({ type: 'ack', promptId: line.promptId });
      case 'ok':
        return;
    }
  }

  private answer(promptId: string, timeoutSec: number): void {
    const answers = this.opts.answers ?? [];
    const answer = answers[Math.min(this.answerIndex++, answers.length - 1)];
    if (!answer) {
      // Nobody at the keypad: the device's own timer ends the prompt.
      this.timer = setTimeout(() => this.expire(promptId), timeoutSec * 1000);
      return;
    }
    if ('silent' in answer) return; // a hung device: only the host's timer can end it
    this.timer = setTimeout(() => {
      if (this.prompted !== promptId) return;
      if ('timeout' in answer) this.expire(promptId);
      else this.press(answer.level, answer.reasons);
    }, answer.afterMs ?? 50);
  }

  private expire(promptId: string): void {
    if (this.prompted !== promptId) return;
    this.clearPrompt();
    this.send({ type: 'timeout', promptId });
  }

  private clearPrompt(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.prompted = null;
  }

  private send(line: Parameters<typeof formatDeviceLine>[0]): void {
    this.link.write(Buffer.from(formatDeviceLine(line), 'utf8'));
  }
}
