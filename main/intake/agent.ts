import type { Transaction } from 'kysely';
import type { MaterialSpec } from '../../common/contract/catalog';
import type { AgentInput, AgentView } from '../../common/contract/intake';
import { AppError } from '../../common/contract/errors';
import { needsPowerOfAttorney, POWER_OF_ATTORNEY_CODE, type AgentRelation } from '../../common/domain/agent-relations';
import { certificateTypeOfCard, checkCertificateNumber } from '../../common/domain/certificate-types';
import { maskIdNumber, maskName, maskPhone } from '../../common/domain/mask';
import type { SyncAgent } from '../../common/sync/entries';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { CaseAgentTable } from '../db/migrations/008-agents.tables';
import type { DB } from '../db/schema';
import type { Applicant } from './applicant-codec';
import type { CardTokens } from './card-tokens';

/** A complete, validated agent in clear (only ever in memory); the shape the central platform receives. */
export type Agent = SyncAgent;

const trimOrNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * The agent (经办人) the clerk entered or whose card was read with the 代办人 toggle on, checked by
 * certificate type. `lenient` (drafts) keeps an incomplete agent out rather than failing.
 */
export function resolveAgent(input: AgentInput, cards: CardTokens, applicant: Applicant | null, lenient = false): Agent | null {
  let { idNumber, name } = input;
  let certType = input.certType;
  if (input.cardToken) {
    const card = cards.get(input.cardToken);
    if (!card) throw new AppError('NOT_FOUND', '代办人的读卡信息已过期或不存在，请重新读取代办人身份证。');
    idNumber = card.card.idNumber;
    name = card.card.name ?? card.card.englishName ?? name;
    certType = certificateTypeOfCard(card.card.cardType);
  }
  const id = (idNumber ?? '').trim().toUpperCase();
  const nm = (name ?? '').trim();
  if (!id || !nm) {
    if (lenient) return null;
    throw new AppError('INVALID_INPUT', '请填写代办人姓名和证件号码，或读取代办人身份证；本人办理时请关闭“代办人”。');
  }
  if (!lenient) {
    const c = checkCertificateNumber(certType, id);
    if (!c.valid) throw new AppError('INVALID_INPUT', `代办人${c.message}`);
    if (applicant?.kind === 'person' && applicant.idNumber === id)
      throw new AppError('INVALID_INPUT', '代办人与申请人是同一人：本人办理时请关闭“代办人”。');
  }
  return { name: nm, certType, idNumber: id, relation: input.relation, phone: trimOrNull(input.phone) };
}

/** The power of attorney (授权委托书) a 委托代理 must bring: one more required material of the case. */
const POWER_OF_ATTORNEY: MaterialSpec = {
  code: POWER_OF_ATTORNEY_CODE,
  key: 'POWER_OF_ATTORNEY',
  name: '授权委托书',
  issuer: null,
  originals: 1,
  copies: 0,
  required: true,
  deferrable: false,
  licenceType: null,
  formRef: null,
  sampleRef: null,
  note: '委托代理人办理时提交，载明委托事项和权限，委托人签名',
};

/** The item's materials, plus the power of attorney when the agent is a 委托代理 (a draft's incomplete agent too). */
export function withAgentMaterials(specs: readonly MaterialSpec[], relation: AgentRelation | undefined): MaterialSpec[] {
  if (!relation || !needsPowerOfAttorney(relation) || specs.some((s) => s.code === POWER_OF_ATTORNEY_CODE)) return [...specs];
  return [...specs, POWER_OF_ATTORNEY];
}

export type SealedAgent = Omit<CaseAgentTable, 'case_id'>;

export function sealAgent(pii: PiiCipher, a: Agent): SealedAgent {
  return {
    relation: a.relation,
    cert_type: a.certType,
    name_sealed: pii.seal(a.name),
    name_hash: pii.lookupHash(a.name),
    id_sealed: pii.seal(a.idNumber),
    id_hash: pii.lookupHash(a.idNumber),
    phone_sealed: a.phone ? pii.seal(a.phone) : null,
  };
}

/** Replaces the case's agent (none when `row` is null). */
export async function replaceAgent(trx: Transaction<DB>, caseId: string, row: SealedAgent | null): Promise<void> {
  await trx.deleteFrom('case_agent').where('case_id', '=', caseId).execute();
  if (row) await insertAgent(trx, caseId, row);
}

/** The agent of a case that has none yet. */
export async function insertAgent(trx: Transaction<DB>, caseId: string, row: SealedAgent): Promise<void> {
  await trx.insertInto('case_agent').values({ ...row, case_id: caseId }).execute();
}

/** Opens a case's agent; masked unless `full`. */
export function viewAgent(pii: PiiCipher, row: CaseAgentTable, full: boolean): AgentView {
  const name = pii.open(row.name_sealed);
  const id = pii.open(row.id_sealed);
  const phone = row.phone_sealed ? pii.open(row.phone_sealed) : null;
  return {
    name: full ? name : maskName(name),
    certType: row.cert_type,
    idNumber: full ? id : maskIdNumber(id),
    relation: row.relation,
    phone: phone === null ? null : full ? phone : maskPhone(phone),
    masked: !full,
  };
}

/** The agent as the outbox carries it: one sealed blob the sync engine opens when sending. */
export function sealedAgentPayload(pii: PiiCipher, a: Agent | null): string | null {
  return a ? pii.seal(JSON.stringify(a)) : null;
}
