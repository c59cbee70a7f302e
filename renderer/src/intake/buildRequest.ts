import type { AgentInput, ApplicantInput, MaterialEntry } from '../../../common/contract/intake';
import { needsPowerOfAttorney, POWER_OF_ATTORNEY_CODE } from '../../../common/domain/agent-relations';
import type { IntakeDraft } from './draftStore';

/** The applicant as the intake methods take it; a read card is passed by token, never by its number. */
export function applicantInput(d: IntakeDraft): ApplicantInput {
  if (d.applicantKind === 'enterprise') {
    const e = d.enterprise;
    return {
      kind: 'enterprise',
      name: e.name.trim(),
      uscc: e.uscc.trim().toUpperCase(),
      legalRepresentative: { name: e.lrName.trim(), idNumber: e.lrIdNumber.trim().toUpperCase() },
      ...(e.phone.trim() ? { phone: e.phone.trim() } : {}),
      ...(e.address.trim() ? { address: e.address.trim() } : {}),
    };
  }
  const p = d.person;
  const extra = { ...(p.phone.trim() ? { phone: p.phone.trim() } : {}), ...(p.address.trim() ? { address: p.address.trim() } : {}) };
  if (p.card) return { kind: 'person', cardToken: p.card.token, idType: p.idType, ...extra };
  return {
    kind: 'person',
    idType: p.idType,
    ...(p.idNumber.trim() ? { idNumber: p.idNumber.trim().toUpperCase() } : {}),
    ...(p.name.trim() ? { name: p.name.trim() } : {}),
    ...extra,
  };
}

/** The agent, when one acts for the applicant; a read card again by token only. */
export function agentInput(d: IntakeDraft): { agent?: AgentInput } {
  const a = d.agent;
  if (!a) return {};
  const phone = a.phone.trim() ? { phone: a.phone.trim() } : {};
  if (a.card) return { agent: { relation: a.relation, certType: a.card.certType, cardToken: a.card.token, ...phone } };
  return {
    agent: {
      relation: a.relation,
      certType: a.certType,
      ...(a.idNumber.trim() ? { idNumber: a.idNumber.trim().toUpperCase() } : {}),
      ...(a.name.trim() ? { name: a.name.trim() } : {}),
      ...phone,
    },
  };
}

/** The 授权委托书 of a 委托代理, as one more material of every case (main adds it as required). */
function agentMaterials(d: IntakeDraft): MaterialEntry[] {
  if (!d.agent || !needsPowerOfAttorney(d.agent.relation)) return [];
  return [{ code: POWER_OF_ATTORNEY_CODE, state: d.agent.powerOfAttorney ? 'received' : 'not_provided' }];
}

/** One case to create: a single item, or each item a bundle's answers selected. */
export interface CasePlan {
  itemCode: string;
  itemName: string;
  materials: MaterialEntry[];
}

export function casePlans(d: IntakeDraft): CasePlan[] {
  if (d.item) {
    const own = d.item.materials.map((m): MaterialEntry => ({ code: m.code, ...(d.materials[m.code] ?? { state: 'received' }) }));
    return [{ itemCode: d.item.code, itemName: d.item.name, materials: [...own, ...agentMaterials(d)] }];
  }
  const r = d.bundle?.result;
  if (!r) return [];
  // A merged material is asked once; its choice and its slot (its key) apply to every item that needs it.
  return r.items.map((item) => ({
    itemCode: item.code,
    itemName: item.name,
    materials: [
      ...r.materials.flatMap((m) =>
        m.usedBy.filter((u) => u.itemCode === item.code).map((u) => ({ code: u.materialCode, ...(d.materials[m.key] ?? { state: 'received' as const }), slot: m.key })),
      ),
      ...agentMaterials(d),
    ],
  }));
}

export function hasDeferred(d: IntakeDraft): boolean {
  return Object.values(d.materials).some((m) => m.state === 'deferred');
}

/** The appointment the intake was started from, recorded on the case. */
export function appointmentOf(d: IntakeDraft): { appointmentId?: string } {
  return d.appointment ? { appointmentId: d.appointment.id } : {};
}
