/**
 * Counts work that must not be interrupted (an open intake, a commit in flight). The updater and
 * graceful shutdown wait on `whenIdle()`; the intake service calls `enter()` / the returned leave.
 */
export class BusyGate {
  private count = 0;
  private waiters: Array<() => void> = [];

  enter(): () => void {
    this.count++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.count--;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    };
  }

  isBusy(): boolean {
    return this.count > 0;
  }

  whenIdle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
