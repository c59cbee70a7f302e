import type { Role } from '../../common/contract';

export interface Session {
  staffId: string;
  name: string;
  roles: Role[];
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

  onChange(listener: (s: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
