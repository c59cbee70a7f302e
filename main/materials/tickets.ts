import crypto from 'node:crypto';
import type { TicketFile } from './service';

const TTL_MS = 10 * 60_000;

/**
 * Short-lived read capabilities for files (a case's PDF, a staged page): the router checks the
 * caller's role and audits when it issues one; a transport redeems it by URL. Random, kept in memory
 * only (a restart voids them), reusable until they expire so a PDF viewer may re-read.
 */
export class Tickets {
  private readonly live = new Map<string, { expires: number; read: () => Promise<TicketFile> }>();

  constructor(private readonly now: () => Date) {}

  issue(read: () => Promise<TicketFile>): { ticket: string; expiresAt: string } {
    this.prune();
    const ticket = crypto.randomBytes(24).toString('base64url');
    const expires = this.now().getTime() + TTL_MS;
    this.live.set(ticket, { expires, read });
    return { ticket, expiresAt: new Date(expires).toISOString() };
  }

  async redeem(ticket: string): Promise<TicketFile | null> {
    const t = this.live.get(ticket);
    if (!t || t.expires < this.now().getTime()) return null;
    return t.read();
  }

  private prune(): void {
    const now = this.now().getTime();
    for (const [k, t] of this.live) if (t.expires < now) this.live.delete(k);
  }
}
