import { randomUUID } from 'node:crypto';
import type { CardReadEvent } from '../../common/contract/devices';

const TTL_MS = 10 * 60_000;
const MAX_CARDS = 8;

/**
 * The last few ID cards read at this window, in memory only. The renderer gets a masked identity
 * and a token; `intake.*` calls pass the token and main fills in the clear identity, so the clear
 * ID number never has to travel to the renderer.
 */
export class CardTokens {
  private readonly cards = new Map<string, { event: CardReadEvent; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  put(event: CardReadEvent): string {
    this.prune();
    const token = randomUUID();
    this.cards.set(token, { event, at: this.now() });
    while (this.cards.size > MAX_CARDS) this.cards.delete(this.cards.keys().next().value!);
    return token;
  }

  get(token: string): CardReadEvent | null {
    this.prune();
    return this.cards.get(token)?.event ?? null;
  }

  clear(): void {
    this.cards.clear();
  }

  private prune(): void {
    const limit = this.now() - TTL_MS;
    for (const [k, v] of this.cards) if (v.at < limit) this.cards.delete(k);
  }
}
