import { checkIdNumber } from '../../../../common/domain/id-number';
import { checkUscc } from '../../../../common/domain/uscc';
import type { IntakeDraft } from '../draftStore';

/**
 * Who to look up for licences and credit: a typed, valid ID number or USCC. A card read gives the
 * renderer only a masked number (by design), so there is no subject to send for it.
 */
export type LookupSubject = { id: string; type: 'person' | 'enterprise' } | { id: null; why: 'card' | 'incomplete' };

export function lookupSubject(d: IntakeDraft): LookupSubject {
  if (d.applicantKind === 'enterprise') {
    const uscc = d.enterprise.uscc.trim().toUpperCase();
    return checkUscc(uscc).valid ? { id: uscc, type: 'enterprise' } : { id: null, why: 'incomplete' };
  }
  if (d.person.card) return { id: null, why: 'card' };
  const id = d.person.idNumber.trim().toUpperCase();
  return checkIdNumber(id).valid ? { id, type: 'person' } : { id: null, why: 'incomplete' };
}
