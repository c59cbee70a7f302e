import type { MethodOutput } from '../../../common/contract';
import type { SlotView } from '../../../common/contract/materials';
import type { ItemDetail, MergedMaterial } from '../../../common/contract/catalog';
import type { MaterialEntry } from '../../../common/contract/intake';
import type { AppointmentView } from '../../../common/contract/appointments';
import type { AgentRelation } from '../../../common/domain/agent-relations';
import type { CertificateType } from '../../../common/domain/certificate-types';
import { createStore } from '../shared/createStore';

export type IdType = 'resident' | 'permit' | 'foreigner' | 'other';

/** The applicant as the clerk sees it. A card read carries only masked data plus a token. */
export interface PersonFields {
  idType: IdType;
  idNumber: string;
  name: string;
  phone: string;
  address: string;
  card: null | {
    token: string;
    maskedId: string;
    name: string;
    idValid: boolean | null;
    simulated: boolean;
    history: { caseCount: number; lastCaseAt: string | null };
    /** Masked current address; `addressUpdated` when it is the card's appended address (追加地址). */
    maskedAddress: string | null;
    addressUpdated: boolean;
  };
}
/** The agent (经办人 / 代办人) acting for the applicant; typed, or a card read while the 代办人 toggle is on. */
export interface AgentFields {
  relation: AgentRelation;
  certType: CertificateType;
  idNumber: string;
  name: string;
  phone: string;
  card: null | { token: string; maskedId: string; name: string; certType: CertificateType; simulated: boolean };
  /** The 授权委托书 a 委托代理 brings was received. */
  powerOfAttorney: boolean;
}
export const EMPTY_AGENT: AgentFields = { relation: 'family', certType: '111', idNumber: '', name: '', phone: '', card: null, powerOfAttorney: false };

export interface EnterpriseFields {
  name: string;
  uscc: string;
  lrName: string;
  lrIdNumber: string;
  phone: string;
  address: string;
}

export type BundleResult = MethodOutput<'catalog.bundle'>;
export type MaterialChoice = Omit<MaterialEntry, 'code'>;
/** A material shown in the checklist: one item's own material, or a bundle's merged one. */
export type ChecklistMaterial = (ItemDetail['materials'][number] & { usedBy?: undefined }) | (MergedMaterial & { code: string });

export interface IntakeOutcome {
  kind: 'accepted' | 'rejected';
  cases: { caseId: string; caseNumber: string; itemName: string; promisedDate?: string; promisedProvisional?: boolean }[];
  deferred: { code: string; name: string; deadline: string; deadlineProvisional: boolean }[];
}

export interface IntakeDraft {
  applicantKind: 'person' | 'enterprise';
  person: PersonFields;
  enterprise: EnterpriseFields;
  /** Null: the applicant came in person (本人). */
  agent: AgentFields | null;
  item: ItemDetail | null;
  bundle: { id: string; answers: Record<string, string | string[]>; result: BundleResult | null } | null;
  /** Choices keyed by material code (item) or material key (bundle). */
  materials: Record<string, MaterialChoice>;
  /** Licence identifiers and appointment codes scanned during this intake. */
  scannedLicences: string[];
  appointmentCode: string | null;
  /** The appointment (预约) this intake was started from after its check-in; its id goes with the case. */
  appointment: AppointmentView | null;
  draftCaseId: string | null;
  /**
   * The key of this decision (UUIDv7, a bundle's or a single item's), made at the first press and
   * kept for the retries of this applicant: main returns the cases already made for it instead of
   * making new ones (after a lost reply, a restarted host, a second press).
   */
  decisionKey: string | null;
  outcome: IntakeOutcome | null;
  /** Increments on every new applicant, so forms remount empty. */
  generation: number;
  /** Whose intake this is: a different staff member never inherits it. */
  owner: string | null;
  /**
   * The slots' draft id (材料电子化): pages are staged under it before any case exists, and the
   * decision links them (common/contract/materials.ts). New for every applicant.
   */
  materialsDraftId: string;
  /** Each slot as main last returned it, by material code. */
  slots: Record<string, SlotView>;
}

export const EMPTY_PERSON: PersonFields = { idType: 'resident', idNumber: '', name: '', phone: '', address: '', card: null };
export const EMPTY_ENTERPRISE: EnterpriseFields = { name: '', uscc: '', lrName: '', lrIdNumber: '', phone: '', address: '' };

function emptyDraft(generation: number, owner: string | null): IntakeDraft {
  return {
    applicantKind: 'person',
    person: EMPTY_PERSON,
    enterprise: EMPTY_ENTERPRISE,
    agent: null,
    item: null,
    bundle: null,
    materials: {},
    scannedLicences: [],
    appointmentCode: null,
    appointment: null,
    draftCaseId: null,
    decisionKey: null,
    outcome: null,
    generation,
    owner,
    materialsDraftId: crypto.randomUUID(),
    slots: {},
  };
}

const FIRST_DRAFT = emptyDraft(0, null);
export const draftStore = createStore<IntakeDraft>(FIRST_DRAFT);

export function patchDraft(patch: Partial<IntakeDraft> | ((d: IntakeDraft) => Partial<IntakeDraft>)): void {
  draftStore.set((d) => ({ ...d, ...(typeof patch === 'function' ? patch(d) : patch) }));
}

/** Next applicant: everything cleared. */
export function resetDraft(): void {
  draftStore.set((d) => emptyDraft(d.generation + 1, d.owner));
}

/** A new intake that starts from saved work (继续办理草稿): the forms remount with it, for the same owner. */
export function startDraft(from: Partial<IntakeDraft>): void {
  draftStore.set((d) => ({ ...emptyDraft(d.generation + 1, d.owner), ...from }));
}

/** Called when the signed-in staff member is known: another person's intake is dropped. */
export function claimDraft(staffId: string | null): void {
  const d = draftStore.get();
  if (d.owner === staffId) return;
  // A fresh window's untouched draft has nothing to drop: it only gets its owner, and the intake
  // screen is not mounted a second time (the first sign-in, or training mode's start).
  if (d === FIRST_DRAFT) draftStore.set({ ...d, owner: staffId });
  else draftStore.set(emptyDraft(d.generation + 1, staffId));
}

/** The draft id to send with a decision: only when some slot holds pages. */
export function materialsDraftOf(d: IntakeDraft): { materialsDraftId?: string } {
  return Object.values(d.slots).some((s) => s.parts.length) ? { materialsDraftId: d.materialsDraftId } : {};
}

/** The default choice for a material: received with the counts the catalog asks for. */
export function defaultChoice(m: { originals: number; copies: number }): MaterialChoice {
  return { state: 'received', originals: m.originals, copies: m.copies };
}
