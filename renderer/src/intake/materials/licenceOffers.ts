import type { TFunction } from 'i18next';
import { isNotAvailable } from '../../shared/errorText';
import type { ChecklistMaterial } from '../draftStore';
import type { Lookups } from '../lookups/useLookups';
import type { LicenceOffer } from './LicenceCell';

/** What the checklist can offer for a material's e-licence type: a found or scanned licence, or why not. */
export function licenceOffer(t: TFunction, m: ChecklistMaterial, lookups: Lookups, scanned: string[]): LicenceOffer | null {
  const type = m.licenceType;
  if (!type) return null;
  // A scanned licence identifier carries its type code as the sixth dotted part.
  const scan = scanned.find((id) => id.split('.')[5] === type.code) ?? scanned.at(-1);
  const found = lookups.licences.data?.licences.find((l) => l.type === type.code || l.name === type.name);
  if (found) return { licenceId: found.licenceId, name: found.name, note: null };
  if (scan) return { licenceId: scan, name: type.name, note: null };
  const { subject, licences } = lookups;
  if (subject.id === null) return { licenceId: null, name: null, note: t(`materials.licenceWhy.${subject.why}`, { type: type.name }) };
  if (licences.error) return { licenceId: null, name: null, note: t(isNotAvailable(licences.error) ? 'materials.licenceUnavailable' : 'materials.licenceFailed', { type: type.name }) };
  if (!licences.data) return { licenceId: null, name: null, note: t('materials.licenceChecking') };
  if (!licences.data.checked) return { licenceId: null, name: null, note: t('materials.licenceOffline', { type: type.name }) };
  return { licenceId: null, name: null, note: t('materials.licenceNone', { type: type.name }) };
}
