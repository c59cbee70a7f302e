import type { ApplicantView } from '../../common/contract/intake';
import type { SyncApplicant } from '../../common/sync/entries';
import { maskAddress, maskIdNumber, maskName } from '../../common/domain/mask';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { IntakeCaseTable } from '../db/migrations/003-intake.tables';

/** A complete, validated applicant in clear (only ever in memory); the shape the central platform receives. */
export type Applicant = SyncApplicant;

type ApplicantColumns = Pick<
  IntakeCaseTable,
  | 'applicant_kind'
  | 'applicant_id_type'
  | 'applicant_name_sealed'
  | 'applicant_name_hash'
  | 'applicant_id_sealed'
  | 'applicant_id_hash'
  | 'applicant_phone_sealed'
  | 'applicant_address_sealed'
  | 'uscc'
  | 'legal_rep_name_sealed'
  | 'legal_rep_id_sealed'
  | 'legal_rep_id_hash'
>;

export const EMPTY_APPLICANT: ApplicantColumns = {
  applicant_kind: null,
  applicant_id_type: null,
  applicant_name_sealed: null,
  applicant_name_hash: null,
  applicant_id_sealed: null,
  applicant_id_hash: null,
  applicant_phone_sealed: null,
  applicant_address_sealed: null,
  uscc: null,
  legal_rep_name_sealed: null,
  legal_rep_id_sealed: null,
  legal_rep_id_hash: null,
};

/** Seals every personal field; keyed hashes allow search by ID number and exact name. */
export function sealApplicant(pii: PiiCipher, a: Applicant): ApplicantColumns {
  const seal = (v: string | null) => (v ? pii.seal(v) : null);
  if (a.kind === 'person')
    return {
      ...EMPTY_APPLICANT,
      applicant_kind: 'person',
      applicant_id_type: a.idType,
      applicant_name_sealed: pii.seal(a.name),
      applicant_name_hash: pii.lookupHash(a.name),
      applicant_id_sealed: pii.seal(a.idNumber),
      applicant_id_hash: pii.lookupHash(a.idNumber),
      applicant_phone_sealed: seal(a.phone),
      applicant_address_sealed: seal(a.address),
    };
  return {
    ...EMPTY_APPLICANT,
    applicant_kind: 'enterprise',
    // An enterprise's name and code are public register data; kept sealed anyway for uniformity.
    applicant_name_sealed: pii.seal(a.name),
    applicant_name_hash: pii.lookupHash(a.name),
    uscc: a.uscc,
    applicant_phone_sealed: seal(a.phone),
    applicant_address_sealed: seal(a.address),
    legal_rep_name_sealed: pii.seal(a.legalRepresentative.name),
    legal_rep_id_sealed: pii.seal(a.legalRepresentative.idNumber),
    legal_rep_id_hash: pii.lookupHash(a.legalRepresentative.idNumber),
  };
}

/** Opens the applicant of a case row; masked unless `full`. */
export function viewApplicant(pii: PiiCipher, row: ApplicantColumns, full: boolean): ApplicantView | null {
  if (!row.applicant_kind || !row.applicant_name_sealed) return null;
  const open = (v: string | null) => (v ? pii.open(v) : null);
  const name = pii.open(row.applicant_name_sealed);
  const enterprise = row.applicant_kind === 'enterprise';
  const id = open(row.applicant_id_sealed);
  const phone = open(row.applicant_phone_sealed);
  const address = open(row.applicant_address_sealed);
  const repName = open(row.legal_rep_name_sealed);
  const repId = open(row.legal_rep_id_sealed);
  return {
    kind: row.applicant_kind,
    name: full || enterprise ? name : maskName(name),
    idNumber: id === null ? null : full ? id : maskIdNumber(id),
    idType: row.applicant_id_type,
    uscc: row.uscc,
    legalRepresentative: repName && repId ? { name: full ? repName : maskName(repName), idNumber: full ? repId : maskIdNumber(repId) } : null,
    phone: phone === null ? null : full ? phone : phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****',
    address: address === null ? null : full ? address : maskAddress(address),
    masked: !full,
  };
}

/** The applicant as the outbox carries it: one sealed blob the sync engine opens when sending. */
export function sealedApplicantPayload(pii: PiiCipher, a: Applicant | null): string | null {
  return a ? pii.seal(JSON.stringify(a)) : null;
}
