/**
 * The idle auto-lock timer. Activity (the renderer's `auth.activity`, sign-in, unlock) restarts it;
 * when it runs out the session is locked. The timer never keeps the process alive.
 */
export class IdleLock {
  private timer: NodeJS.Timeout | null = null;
  private seconds: number;

  constructor(
    seconds: number,
    private readonly onIdle: () => void,
  ) {
    this.seconds = seconds;
  }

  get timeoutSeconds(): number {
    return this.seconds;
  }

  /** Restart the countdown (0 seconds = off). */
  touch(): void {
    this.stop();
    if (this.seconds <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onIdle();
    }, this.seconds * 1000);
    this.timer.unref?.();
  }

  setTimeoutSeconds(seconds: number, running: boolean): void {
    this.seconds = seconds;
    if (running) this.touch();
    else this.stop();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
