import type { Kysely } from 'kysely';
import type { IdentityCheck } from '../../common/contract/handover';
import { AppError } from '../../common/contract/errors';
import { maskIdNumber, maskName } from '../../common/domain/mask';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { DB } from '../db/schema';
import type { CardTokens } from '../intake/card-tokens';

/** The person at the window, as main holds them: never more than a keyed hash leaves this file. */
export interface PresentedPerson {
  /** Keyed hash of the ID number (PiiCipher.lookupHash), as the case's columns hold it. */
  idHash: string;
  maskedId: string;
  maskedName: string | null;
}

/** The card behind a token (read at this window) or a number typed from the card. */
export function presentedPerson(pii: PiiCipher, cards: CardTokens, input: { cardToken?: string; idNumber?: string }): PresentedPerson | null {
  if (input.cardToken) {
    const card = cards.get(input.cardToken);
    if (!card) throw new AppError('NOT_FOUND', '读卡信息已过期或不存在：请领取人把身份证重新放到阅读器上。');
    const id = card.card.idNumber.trim().toUpperCase();
    const name = card.card.name ?? card.card.englishName ?? null;
    return { idHash: pii.lookupHash(id), maskedId: maskIdNumber(id), maskedName: name ? maskName(name) : null };
  }
  const typed = input.idNumber?.trim().toUpperCase();
  if (typed) return { idHash: pii.lookupHash(typed), maskedId: maskIdNumber(typed), maskedName: null };
  return null;
}

/**
 * Whether the person is the case's applicant (a person applicant, or an enterprise's legal
 * representative) or its agent (经办人): keyed hashes compared, the clear number never read back.
 */
export async function checkIdentity(db: Kysely<DB>, caseId: string, p: PresentedPerson): Promise<IdentityCheck> {
  const c = await db
    .selectFrom('intake_case')
    .leftJoin('case_agent', 'case_agent.case_id', 'intake_case.id')
    .select(['intake_case.applicant_kind', 'intake_case.applicant_id_hash', 'intake_case.legal_rep_id_hash', 'case_agent.id_hash as agent_hash'])
    .where('intake_case.id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', '找不到该办件，请核对办件号。');
  const applicantHash = c.applicant_kind === 'enterprise' ? c.legal_rep_id_hash : c.applicant_id_hash;
  const who = p.maskedName ? `${p.maskedName}（${p.maskedId}）` : p.maskedId;
  if (applicantHash && applicantHash === p.idHash)
    return { match: 'applicant', name: p.maskedName, idNumber: p.maskedId, message: `${who}是本办件的${c.applicant_kind === 'enterprise' ? '法定代表人' : '申请人'}，可以领取。` };
  if (c.agent_hash && c.agent_hash === p.idHash) return { match: 'agent', name: p.maskedName, idNumber: p.maskedId, message: `${who}是本办件的经办人（代办人），可以领取。` };
  return { match: null, name: p.maskedName, idNumber: p.maskedId, message: mismatchMessage(who) };
}

export function mismatchMessage(who: string): string {
  return `身份核验未通过：${who}不是本办件的申请人，也不是经办人，不能领取。请申请人本人或受理时登记的经办人持身份证来领取；委托他人领取的，请核对授权委托书原件和代领人身份证后，选择“核准代领”并写明理由（记入审计）。`;
}
