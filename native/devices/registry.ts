import type { DeviceKindSpec } from './driver';
import type { KnownDevice } from './known-devices';
import type { DeviceKind } from './types';

/** Which driver serves which kind. Each driver module registers itself; the manager looks kinds up here. */
export class DeviceKindRegistry {
  private readonly specs = new Map<DeviceKind, DeviceKindSpec>();

  register(spec: DeviceKindSpec): void {
    this.specs.set(spec.kind, spec);
  }

  get(kind: DeviceKind): DeviceKindSpec | undefined {
    return this.specs.get(kind);
  }

  kinds(): DeviceKind[] {
    return [...this.specs.keys()];
  }

  /** The VID/PID tables the registered kinds bring. */
  knownDevices(): KnownDevice[] {
    return [...this.specs.values()].flatMap((s) => s.knownDevices ?? []);
  }
}
