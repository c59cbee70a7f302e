import type { Evaluator } from './evaluator';

/**
 * The evaluators that can take a prompt right now: serial keypads register while connected, the
 * on-screen pad always. Main asks here; the DeviceManager does not know about prompts.
 */
export class EvaluatorHub {
  private readonly devices = new Map<string, Evaluator>();

  constructor(private readonly fallback: Evaluator | null = null) {}

  add(evaluator: Evaluator): void {
    this.devices.set(evaluator.deviceId, evaluator);
  }

  remove(evaluator: Evaluator): void {
    if (this.devices.get(evaluator.deviceId) === evaluator) this.devices.delete(evaluator.deviceId);
  }

  /** The named evaluator, or the first connected device, or the on-screen pad. */
  pick(deviceId?: string): Evaluator | null {
    if (deviceId) return this.devices.get(deviceId) ?? (this.fallback?.deviceId === deviceId ? this.fallback : null);
    return this.devices.values().next().value ?? this.fallback;
  }

  list(): Evaluator[] {
    return [...this.devices.values(), ...(this.fallback ? [this.fallback] : [])];
  }
}
