import type { CardReadEvent } from '../../common/contract/devices';
import type { TestStack } from '../intake/testing';
import { HandoverService } from './handover-service';

/** A resident ID card read, as the device layer publishes it on the internal bus. */
export function residentCard(idNumber: string, name: string): CardReadEvent {
  return {
    deviceId: 'idcard-sim',
    at: new Date().toISOString(),
    simulated: true,
    photoImage: null,
    photoNote: null,
    card: {
      cardType: 'resident', name, englishName: null, genderCode: '2', gender: '女', nationCode: '01', nation: '汉', nationality: null, birthDate: '1990-01-01',
      address: '海南省海口市龙华区', idNumber, authority: '海口市公安局', validFrom: '2020-01-01', validTo: '2040-01-01', passNumber: null, issueCount: null,
      idNumberValid: true, photo: null,
    },
  };
}

/** The handover service over an intake test stack (same database, card cache and clock). */
export function handoverOver(s: TestStack): HandoverService {
  return new HandoverService({ db: s.db, pii: s.pii, cards: s.cards, itemName: () => null, now: () => s.clock.now });
}
