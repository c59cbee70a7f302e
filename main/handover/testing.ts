import type { TestStack } from '../intake/testing';
import { HandoverService } from './handover-service';

/** The handover service over an intake test stack (same database, card cache and clock). */
export function handoverOver(s: TestStack): HandoverService {
  return new HandoverService({ db: s.db, pii: s.pii, cards: s.cards, itemName: () => null, now: () => s.clock.now });
}
