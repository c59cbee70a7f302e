import type { ApplicantInput } from '../../common/contract/intake';
import { AppError } from '../../common/contract/errors';
import { certificateTypeOfCard, checkCertificateNumber, type CertificateType } from '../../common/domain/certificate-types';
import { checkIdNumber } from '../../common/domain/id-number';
import { currentCardAddress } from '../../common/domain/idcard-address';
import { checkUscc } from '../../common/domain/uscc';
import type { Applicant } from './applicant-codec';
import type { CardTokens } from './card-tokens';

const trimOrNull = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

/**
 * Turns the applicant the clerk submitted into a complete one: fills a card token from the card
 * cache and checks ID numbers and USCC codes. `lenient` (drafts) keeps incomplete input as is.
 */
export function resolveApplicant(input: ApplicantInput, cards: CardTokens, lenient = false): Applicant {
  if (input.kind === 'enterprise') {
    const uscc = input.uscc.trim().toUpperCase();
    const repId = input.legalRepresentative.idNumber.trim().toUpperCase();
    if (!lenient) {
      const u = checkUscc(uscc);
      if (!u.valid) throw new AppError('INVALID_INPUT', u.message!);
      const r = checkIdNumber(repId);
      if (!r.valid) throw new AppError('INVALID_INPUT', `法定代表人${r.message}`);
    }
    return {
      kind: 'enterprise',
      name: input.name.trim(),
      uscc,
      legalRepresentative: { name: input.legalRepresentative.name.trim(), idNumber: repId },
      phone: trimOrNull(input.phone),
      address: trimOrNull(input.address),
    };
  }
  let { idNumber, name, address } = input;
  let idType: string = input.idType;
  let certType: CertificateType = input.certType ?? certificateTypeOfCard(input.idType);
  if (input.cardToken) {
    const card = cards.get(input.cardToken);
    if (!card) throw new AppError('NOT_FOUND', '读卡信息已过期或不存在，请重新读取身份证。');
    idNumber = card.card.idNumber;
    name = card.card.name ?? card.card.englishName ?? name;
    address = address ?? currentCardAddress(card.card).address ?? undefined;
    idType = card.card.cardType;
    certType = certificateTypeOfCard(card.card.cardType);
  }
  const id = (idNumber ?? '').trim().toUpperCase();
  const nm = (name ?? '').trim();
  if (!lenient) {
    if (!nm) throw new AppError('INVALID_INPUT', '请填写申请人姓名，或读取身份证。');
    if (!id) throw new AppError('INVALID_INPUT', '请填写申请人证件号码，或读取身份证。');
    // Resident and permit numbers carry the GB 11643 check; so does the 2023 foreigner card (9…).
    // A permit (港澳台居民居住证) number carries the GB 11643 check too, though its code is 990 here.
    const c = idType === 'permit' ? checkIdNumber(id) : checkCertificateNumber(certType, id);
    if (!c.valid) throw new AppError('INVALID_INPUT', c.message!);
  }
  return { kind: 'person', idType, certType, idNumber: id, name: nm, phone: trimOrNull(input.phone), address: trimOrNull(address) };
}
