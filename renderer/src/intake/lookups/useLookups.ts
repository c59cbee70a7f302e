import { useCall } from '../../api/useCall';
import type { LookupSubject } from './subject';

/** E-licences and credit of the applicant, looked up once the subject is known (offline → "not checked"). */
export function useLookups(subject: LookupSubject) {
  const key = subject.id ?? '';
  const who = subject.id === null ? null : subject.viaCard ? { cardToken: subject.id } : { holderId: subject.id };
  const licences = useCall('lookups.licences', who, [key]);
  const credit = useCall(
    'lookups.credit',
    subject.id === null ? null : subject.viaCard ? { cardToken: subject.id, subjectType: subject.type } : { subject: subject.id, subjectType: subject.type },
    [key],
  );
  return { subject, licences, credit };
}
export type Lookups = ReturnType<typeof useLookups>;
