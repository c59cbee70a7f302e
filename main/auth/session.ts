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

  get(): Session | null {
    return this.current;
  }

  set(session: Session | null): void {
    this.current = session;
    for (const l of this.listeners) l(session);
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

  onChange(listener: (s: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
