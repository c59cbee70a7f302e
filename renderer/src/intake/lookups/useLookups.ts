import { useCall } from '../../api/useCall';
import type { LookupSubject } from './subject';

/** E-licences and credit of the applicant, looked up once the subject is known (offline → "not checked"). */
export function useLookups(subject: LookupSubject) {
  const key = subject.id ?? '';
  const licences = useCall('lookups.licences', subject.id ? { holderId: subject.id } : null, [key]);
  const credit = useCall('lookups.credit', subject.id ? { subject: subject.id, subjectType: subject.type } : null, [key]);
  return { subject, licences, credit };
}
export type Lookups = ReturnType<typeof useLookups>;
