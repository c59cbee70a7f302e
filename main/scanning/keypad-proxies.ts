import type { DeviceStatus, TypedEmitter } from '../../native/devices';
import { HOST_TIMEOUT_GRACE_MS, PendingPrompt, type Evaluator, type RatingOutcome, type RatingPromptRequest } from '../../native/evaluator/evaluator';
import type { EvaluatorHub } from '../../native/evaluator/evaluator-hub';
import type { EvaluatorOutcomeEvent } from '../../native/evaluator/keypad-desk';
import type { DeviceServiceEvents, DeviceServiceRemote } from '../devices/service/surface';
import type { Logger } from '../../platform/log/logger';

/** What the keypad proxies need from main's device service (DeviceService satisfies it): the declared keypad calls. */
export interface KeypadLink extends Pick<DeviceServiceRemote, 'promptEvaluator' | 'cancelEvaluatorPrompt'> {
  readonly events: TypedEmitter<DeviceServiceEvents>;
  list(): DeviceStatus[];
}

/**
 * A serial keypad as main's hub sees it, wherever its driver runs (the device-service process, or
 * in-process): prompts and cancels go to the device layer by id, outcomes come back as `evaluator`
 * events. Main keeps a timer of its own, so a device layer that dies mid-prompt cannot hold the window.
 */
class KeypadProxy implements Evaluator {
  readonly channel = 'evaluator' as const;
  private readonly pending = new PendingPrompt();

  constructor(
    readonly deviceId: string,
    private readonly link: KeypadLink,
    private readonly log?: Logger,
  ) {}

  prompt(request: RatingPromptRequest): Promise<RatingOutcome> {
    // The driver's own timer ends the prompt first (timeout + grace); this one catches a lost answer.
    const result = this.pending.begin(request, 2 * HOST_TIMEOUT_GRACE_MS);
    this.link.promptEvaluator(this.deviceId, request).then(
      (taken) => void (taken || this.pending.settle(request.promptId, { outcome: 'failed', message: '评价器未连接' })),
      (err: unknown) => void this.pending.settle(request.promptId, { outcome: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return result;
  }

  cancel(promptId: string): boolean {
    if (!this.pending.settle(promptId, { outcome: 'cancelled' })) return false;
    this.link.cancelEvaluatorPrompt(this.deviceId, promptId).catch((err: unknown) => this.log?.warn({ err, device: this.deviceId }, 'keypad cancel not delivered'));
    return true;
  }

  /** The device layer's answer to a prompt. */
  settle(promptId: string, outcome: RatingOutcome): void {
    this.pending.settle(promptId, outcome);
  }

  gone(reason: string): void {
    this.pending.fail(`评价器已断开：${reason}`);
  }
}

/**
 * Keeps main's evaluator hub in step with the keypads the device layer has connected: a keypad joins
 * when its status turns `connected` and leaves on any other state (unplugged, service restarting),
 * so the on-screen pad takes over; a restarted service's keypads join again as they reconnect.
 */
export class KeypadRoster {
  private readonly proxies = new Map<string, KeypadProxy>();
  private offs: Array<() => void> = [];

  constructor(
    private readonly hub: EvaluatorHub,
    private readonly link: KeypadLink,
    private readonly log?: Logger,
  ) {}

  start(): void {
    this.offs.push(
      this.link.events.on('status', (s) => this.track(s)),
      this.link.events.on('evaluator', (e: EvaluatorOutcomeEvent) => this.proxies.get(e.deviceId)?.settle(e.promptId, e.outcome)),
    );
    for (const s of this.link.list()) this.track(s);
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
    for (const id of [...this.proxies.keys()]) this.drop(id, '已停止');
  }

  private track(s: DeviceStatus): void {
    if (s.kind !== 'evaluator') return;
    if (s.state !== 'connected') return this.drop(s.id, s.reason ?? s.state);
    if (this.proxies.has(s.id)) return;
    const proxy = new KeypadProxy(s.id, this.link, this.log);
    this.proxies.set(s.id, proxy);
    this.hub.add(proxy);
  }

  private drop(id: string, reason: string): void {
    const proxy = this.proxies.get(id);
    if (!proxy) return;
    this.proxies.delete(id);
    this.hub.remove(proxy);
    proxy.gone(reason);
  }
}
