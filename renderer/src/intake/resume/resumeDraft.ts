import type { ItemDetail } from '../../../../common/contract/catalog';
import type { ResumedDraft } from '../../../../common/contract/intake';
import type { SlotView } from '../../../../common/contract/materials';
import { POWER_OF_ATTORNEY_CODE, type AgentRelation } from '../../../../common/domain/agent-relations';
import type { CertificateType } from '../../../../common/domain/certificate-types';
import { call } from '../../bridge';
import { defaultChoice, EMPTY_ENTERPRISE, EMPTY_PERSON, startDraft, type IdType, type IntakeDraft, type MaterialChoice } from '../draftStore';

const ID_TYPES: readonly string[] = ['resident', 'permit', 'foreigner', 'other'] satisfies IdType[];

/**
 * The intake a saved draft restores: item, applicant and agent (typed fields, as the clerk can
 * correct them), the ticks, and its held pages under their own draft id, so deciding it sends the
 * draft's case id and links those pages (main/materials/draft-pages.ts).
 */
export function draftFromResumed(r: ResumedDraft, item: ItemDetail, slots: SlotView[]): Partial<IntakeDraft> {
  const a = r.applicant;
  const saved = new Map(r.materials.map((m) => [m.code, m]));
  const choice = (code: string, fallback: MaterialChoice): MaterialChoice => {
    const m = saved.get(code);
    return m ? { state: m.state, originals: m.originals, copies: m.copies, ...(m.licenceId ? { licenceId: m.licenceId } : {}) } : fallback;
  };
  return {
    applicantKind: a?.kind ?? 'person',
    person:
      a?.kind === 'person'
        ? { ...EMPTY_PERSON, idType: (ID_TYPES.includes(a.idType ?? '') ? a.idType : 'other') as IdType, idNumber: a.idNumber ?? '', name: a.name, phone: a.phone ?? '', address: a.address ?? '' }
        : EMPTY_PERSON,
    enterprise:
      a?.kind === 'enterprise'
        ? { name: a.name, uscc: a.uscc ?? '', lrName: a.legalRepresentative?.name ?? '', lrIdNumber: a.legalRepresentative?.idNumber ?? '', phone: a.phone ?? '', address: a.address ?? '' }
        : EMPTY_ENTERPRISE,
    agent: r.agent && {
      relation: r.agent.relation as AgentRelation,
      certType: r.agent.certType as CertificateType,
      idNumber: r.agent.idNumber,
      name: r.agent.name,
      phone: r.agent.phone ?? '',
      card: null,
      powerOfAttorney: saved.get(POWER_OF_ATTORNEY_CODE)?.state === 'received',
    },
    item,
    bundle: null,
    materials: Object.fromEntries(item.materials.map((m) => [m.code, choice(m.code, defaultChoice(m))])),
    draftCaseId: r.caseId,
    ...(r.materialsDraftId ? { materialsDraftId: r.materialsDraftId } : {}),
    slots: Object.fromEntries(slots.filter((s) => s.parts.length).map((s) => [s.materialCode, s])),
  };
}

/** 继续办理: loads the draft, its item and its held pages, and makes it the intake on screen. */
export async function resumeDraft(caseId: string): Promise<void> {
  const r = await call('intake.resumeDraft', { caseId });
  const [item, pages] = await Promise.all([
    call('catalog.item', { code: r.itemCode }),
    r.materialsDraftId ? call('materials.listDraft', { draftId: r.materialsDraftId }) : Promise.resolve({ slots: [] }),
  ]);
  startDraft(draftFromResumed(r, item, pages.slots));
}
