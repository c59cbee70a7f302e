import type { Role } from '../../common/contract';

export type LockReason = 'idle' | 'hotkey' | 'manual';

export interface Session {
  staffId: string;
  name: string;
  roles: Role[];
  /** Locked sessions keep their identity (and any intake in progress) but the router refuses data methods. */
  locked?: boolean;
  lockReason?: LockReason | null;
  mustChangePassword?: boolean;
}

/** The staff member signed in on this window. A desktop window has one session at a time. */
export class SessionStore {
  private current: Session | null = null;
  private readonly listeners = new Set<(s: Session | null) => void>();
  private readonly lockListeners = new Set<(s: Session | null) => void>();

  get(): Session | null {
    return this.current;
  }

  set(session: Session | null): void {
    const before = this.current;
    this.current = session;
    // Locking and unlocking keep the same person signed in: an intake in progress (its card token,
    // its draft) must survive it, so `onChange` hears only who is signed in changing.
    if (before?.staffId !== session?.staffId || (before === null) !== (session === null)) for (const l of this.listeners) l(session);
    if (Boolean(before?.locked) !== Boolean(session?.locked)) for (const l of this.lockListeners) l(session);
  }

  /** Locks the current session (no-op without one). Returns whether the state changed. */
  lock(reason: LockReason): boolean {
    if (!this.current || this.current.locked) return false;
    this.set({ ...this.current, locked: true, lockReason: reason });
    return true;
  }

  unlock(): void {
    if (this.current?.locked) this.set({ ...this.current, locked: false, lockReason: null });
  }

  /** Someone signed in, out, or another staff member took over the window. */
  onChange(listener: (s: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The screen was locked or unlocked. */
  onLockChange(listener: (s: Session | null) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }
}
