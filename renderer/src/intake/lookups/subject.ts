import { checkIdNumber } from '../../../../common/domain/id-number';
import { checkUscc } from '../../../../common/domain/uscc';
import type { IntakeDraft } from '../draftStore';

/**
 * Who to look up for licences and credit: a typed, valid ID number or USCC, or a card read's token
 * (the renderer only has a masked number for a card, by design; main resolves the token).
 */
export type LookupSubject =
  | { id: string; type: 'person' | 'enterprise'; viaCard?: boolean }
  | { id: null; why: 'incomplete' };

export function lookupSubject(d: IntakeDraft): LookupSubject {
  if (d.applicantKind === 'enterprise') {
    const uscc = d.enterprise.uscc.trim().toUpperCase();
    return checkUscc(uscc).valid ? { id: uscc, type: 'enterprise' } : { id: null, why: 'incomplete' };
  }
  if (d.person.card) return { id: d.person.card.token, type: 'person', viaCard: true };
  const id = d.person.idNumber.trim().toUpperCase();
  return checkIdNumber(id).valid ? { id, type: 'person' } : { id: null, why: 'incomplete' };
}
