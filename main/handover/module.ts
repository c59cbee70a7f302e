import type { Subsystem } from '../../platform/subsystem';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import type { IntakeServices } from '../intake/module';
import { HandoverService } from './handover-service';

export interface HandoverDepsOfApp {
  database: Database;
  pii: PiiCipher;
  intake: Pick<IntakeServices, 'cardTokens' | 'catalog'>;
}

/** 出件 at the window, built after intake (its card reads and catalog). */
export function createHandover(d: HandoverDepsOfApp): Subsystem<HandoverService> {
  const { catalog, cardTokens } = d.intake;
  const itemName = (code: string) => {
    try {
      return catalog.summaryOf(code).name;
    } catch {
      return null;
    }
  };
  return { service: new HandoverService({ db: d.database.db, pii: d.pii, cards: cardTokens, itemName }), close() {} };
}
