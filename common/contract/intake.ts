import { z } from 'zod';
import { AGENT_RELATION_CODES } from '../domain/agent-relations';
import { CASE_STATUSES, MATERIAL_STATES } from '../domain/case-status';
import { CERTIFICATE_TYPE_CODES } from '../domain/certificate-types';
import { defineMethod, text } from './define';

export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const MaterialStateSchema = z.enum(MATERIAL_STATES);

/** A natural person, typed by the clerk or taken from the last card read (`cardToken`). */
export const PersonApplicant = z
  .object({
    kind: z.literal('person'),
    /** From an `intake.applicant` event: main fills name, ID number and address (the appended one if any) from the card it read. */
    cardToken: text(80).optional(),
    idType: z.enum(['resident', 'permit', 'foreigner', 'other']).default('resident'),
    /** National certificate-type code (common/domain/certificate-types.ts); from `idType` when omitted, from the card when read. */
    certType: z.enum(CERTIFICATE_TYPE_CODES).optional(),
    idNumber: text(40).optional(),
    name: text(60).optional(),
    phone: text(30).optional(),
    address: text(200).optional(),
  })
  .strict();

/** An enterprise: name + 统一社会信用代码 + legal representative. */
export const EnterpriseApplicant = z
  .object({
    kind: z.literal('enterprise'),
    name: text(120).min(1),
    uscc: text(18).min(1),
    legalRepresentative: z.object({ name: text(60).min(1), idNumber: text(40).min(1) }).strict(),
    phone: text(30).optional(),
    address: text(200).optional(),
  })
  .strict();

/** The agent (经办人) acting for the applicant: typed, or from a card read while the 代办人 toggle was on. */
export const AgentInput = z
  .object({
    cardToken: text(80).optional(),
    certType: z.enum(CERTIFICATE_TYPE_CODES).default('111'),
    idNumber: text(40).optional(),
    name: text(60).optional(),
    relation: z.enum(AGENT_RELATION_CODES),
    phone: text(30).optional(),
  })
  .strict();
export type AgentInput = z.infer<typeof AgentInput>;

/** The agent as shown: masked unless revealed. */
export const AgentView = z.object({
  name: z.string(),
  certType: z.string(),
  idNumber: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  masked: z.boolean(),
});
export type AgentView = z.infer<typeof AgentView>;

export const ApplicantInput = z.discriminatedUnion('kind', [PersonApplicant, EnterpriseApplicant]);
export type ApplicantInput = z.infer<typeof ApplicantInput>;

/** What the clerk ticked for one material of the item. */
export const MaterialEntry = z
  .object({
    code: text(100).min(1),
    state: z.enum(['received', 'licence', 'deferred', 'not_provided']),
    originals: z.number().int().min(0).max(99).optional(),
    copies: z.number().int().min(0).max(99).optional(),
    /** The e-licence identifier when `state` is `licence`. */
    licenceId: text(200).optional(),
    /**
     * The staged slot (common/contract/materials.ts) holding this material's pages, when it is not
     * `code`: a bundle's merged material is one slot (its key) for every item that needs it, and
     * each item's case links that slot's PDF under its own material code.
     */
    slot: text(100).min(1).optional(),
  })
  .strict();
export type MaterialEntry = z.infer<typeof MaterialEntry>;

/** Applicant as shown: masked unless revealed. */
export const ApplicantView = z.object({
  kind: z.enum(['person', 'enterprise']),
  name: z.string(),
  idNumber: z.string().nullable(),
  idType: z.string().nullable(),
  certType: z.string().nullable(),
  uscc: z.string().nullable(),
  legalRepresentative: z.object({ name: z.string(), idNumber: z.string() }).nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  masked: z.boolean(),
});
export type ApplicantView = z.infer<typeof ApplicantView>;

const CaseBody = {
  /** An existing draft to finish; omitted for a case accepted in one go. */
  caseId: text(80).optional(),
  itemCode: text(100).min(1),
  applicant: ApplicantInput,
  /** Someone acting for the applicant (帮办代办); omitted when the applicant came in person. */
  agent: AgentInput.optional(),
  materials: z.array(MaterialEntry).max(200).default([]),
  /** Several cases taken together from one 一件事 bundle share this id. */
  bundleId: text(100).optional(),
  bundleGroupId: text(80).optional(),
  note: text(500).optional(),
  /** Pages staged for this intake (common/contract/materials.ts): each slot's PDF is linked to the case in the decision's transaction. */
  materialsDraftId: z.uuid().optional(),
  /** The appointment (预约) the applicant checked in with (appointments.checkIn); recorded on the case. */
  appointmentId: text(80).optional(),
};

/**
 * Made on the window once per decision attempt (a UUIDv7) and kept for its retries: a retry with the
 * same key (a lost reply, a restarted host) returns the case the first call made, never a second one.
 * Optional for callers that never retry (the CLI, scripts); the window's renderer always sends it.
 */
const DecisionKey = { key: z.uuid().optional() };

export const DeferredMaterialView = z.object({
  code: z.string(),
  name: z.string(),
  deadline: z.string(),
  deadlineProvisional: z.boolean(),
  commitmentNote: z.string().nullable(),
});

export const AcceptResult = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  status: CaseStatusSchema,
  acceptedAt: z.string(),
  promisedDate: z.string(),
  promisedProvisional: z.boolean(),
  deferred: z.array(DeferredMaterialView),
});

/** One case of a 一件事 bundle: an item the answers selected, with its materials. */
export const BundlePlan = z.object({ itemCode: text(100).min(1), materials: z.array(MaterialEntry).max(200).default([]) }).strict();

const BundleBody = {
  /**
   * Made on the window once per bundle attempt (a UUIDv7) and kept for its retries: a retry with
   * the same key returns the cases the first call made, never new ones. It is also the bundle
   * group id the cases share.
   */
  key: z.uuid(),
  bundleId: text(100).min(1),
  applicant: ApplicantInput,
  /** Someone acting for the applicant (帮办代办), the same for every plan. */
  agent: AgentInput.optional(),
  /** A draft saved for this bundle (its first item): it becomes the first plan's case. */
  caseId: text(80).optional(),
  /** Pages staged for this intake (common/contract/materials.ts): each slot's PDF is linked to every case of the bundle whose plan lists that material in the decision's transaction. */
  materialsDraftId: z.uuid().optional(),
  plans: z
    .array(BundlePlan)
    .min(1)
    .max(30)
    .refine((plans) => new Set(plans.map((p) => p.itemCode)).size === plans.length, { message: '同一个事项在一件事中只能受理一次。' }),
  note: text(500).optional(),
};

/** What a bundle decision returns: one entry per case, in the order of the plans. */
const BundleOutput = <C extends z.ZodType>(c: C) =>
  z.object({
    bundleGroupId: z.string(),
    /** True when the key had already been decided: these are the cases that call made. */
    replayed: z.boolean(),
    cases: z.array(c),
  });

export const ValidationVerdict = z.object({ valid: z.boolean(), problem: z.string().nullable(), message: z.string().nullable() });

/** A saved draft to finish (intake.resumeDraft): what the intake screen needs to show it again. */
export const ResumedDraft = z.object({
  caseId: z.string(),
  itemCode: z.string(),
  updatedAt: z.string(),
  /** In full (the clerk resumes what was typed or read); null when the draft was saved without one. */
  applicant: ApplicantView.nullable(),
  agent: AgentView.nullable(),
  /** The ticks as saved, one per material of the item (the power of attorney of a 委托代理 included). */
  materials: z.array(MaterialEntry.omit({ slot: true })),
  appointmentId: z.string().nullable(),
  /** The materials draft id its staged pages are held under (materials.listDraft), null when it has none. */
  materialsDraftId: z.string().nullable(),
});
export type ResumedDraft = z.infer<typeof ResumedDraft>;

export const intakeMethods = {
  'intake.validateApplicant': defineMethod({
    summary: 'Live checksum check of an ID number and/or a 统一社会信用代码 while the clerk types',
    roles: ['clerk', 'supervisor'],
    input: z.object({ idNumber: text(40).optional(), uscc: text(40).optional() }).strict(),
    output: z.object({
      idNumber: ValidationVerdict.extend({ birthDate: z.string().nullable(), gender: z.enum(['男', '女']).nullable() }).nullable(),
      uscc: ValidationVerdict.nullable(),
      /** Earlier cases of this applicant at this window (look-up by keyed hash). */
      history: z.object({ caseCount: z.number().int(), lastCaseAt: z.string().nullable() }).nullable(),
    }),
  }),
  'intake.saveDraft': defineMethod({
    summary: 'Create or update a case draft (applicant may be incomplete)',
    roles: ['clerk'],
    input: z.object({ ...CaseBody, applicant: ApplicantInput.optional() }).strict(),
    output: z.object({ caseId: z.string(), status: z.literal('draft'), updatedAt: z.string() }),
  }),
  'intake.resumeDraft': defineMethod({
    summary: '继续办理: a saved draft as the intake screen restores it (applicant and agent in clear, written to the audit log; ticks; the held pages)',
    roles: ['clerk'],
    input: z.object({ caseId: text(80).min(1) }).strict(),
    output: ResumedDraft,
  }),
  'intake.accept': defineMethod({
    summary: '受理: every required material received or replaced by an e-licence; returns the case number at once; idempotent on `key`',
    roles: ['clerk'],
    input: z.object({ ...CaseBody, ...DecisionKey }).strict(),
    output: AcceptResult,
  }),
  'intake.acceptWithDeferred': defineMethod({
    summary: '容缺受理: materials marked `deferred` (only where the item allows) get a supply deadline in working days',
    roles: ['clerk'],
    input: z
      .object({
        ...CaseBody,
        ...DecisionKey,
        /** The applicant's commitment (承诺), printed on the notice. */
        commitmentNote: text(500).min(1),
        /** Working days to supply the deferred materials; default from configuration (5). */
        deadlineWorkdays: z.number().int().min(1).max(60).optional(),
      })
      .strict(),
    output: AcceptResult,
  }),
  'intake.reject': defineMethod({
    summary: '不予受理 with a reason; issues a case number and a rejection notice; idempotent on `key`',
    roles: ['clerk'],
    input: z.object({ ...CaseBody, ...DecisionKey, reason: text(500).min(1) }).strict(),
    output: z.object({ caseId: z.string(), caseNumber: z.string(), status: z.literal('rejected'), decidedAt: z.string() }),
  }),
  'intake.acceptBundle': defineMethod({
    summary: '一件事受理: every plan of the bundle accepted (容缺 where `deferred` is given and the plan marks materials deferred) in ONE transaction; idempotent on `key`',
    roles: ['clerk'],
    input: z
      .object({
        ...BundleBody,
        /** For plans with materials marked `deferred`: the commitment and the supply deadline. */
        deferred: z.object({ commitmentNote: text(500).min(1), deadlineWorkdays: z.number().int().min(1).max(60).optional() }).strict().optional(),
      })
      .strict(),
    output: BundleOutput(AcceptResult.extend({ itemCode: z.string(), itemName: z.string() })),
  }),
  'intake.rejectBundle': defineMethod({
    summary: '一件事不予受理: every plan rejected with the same reason in ONE transaction; idempotent on `key`',
    roles: ['clerk'],
    input: z.object({ ...BundleBody, reason: text(500).min(1) }).strict(),
    output: BundleOutput(z.object({ caseId: z.string(), caseNumber: z.string(), itemCode: z.string(), itemName: z.string(), status: z.literal('rejected'), decidedAt: z.string() })),
  }),
  'intake.withdraw': defineMethod({
    summary: 'Withdraw a draft (applicant left) or an accepted case (applicant withdraws the application)',
    roles: ['clerk'],
    input: z.object({ caseId: text(80).min(1), reason: text(500).min(1) }).strict(),
    output: z.object({ caseId: z.string(), status: z.literal('withdrawn'), decidedAt: z.string() }),
  }),
  'intake.supplement': defineMethod({
    summary: '补齐: a deferred material arrives (paper or e-licence); when none is left the case becomes accepted',
    roles: ['clerk'],
    input: z
      .object({
        caseId: text(80).min(1),
        materialCode: text(100).min(1),
        via: z.enum(['received', 'licence']).default('received'),
        licenceId: text(200).optional(),
        /** Pages staged for this supplement (slot: this draft id + `materialCode`), linked with `via: supplement`. */
        materialsDraftId: z.uuid().optional(),
      })
      .strict(),
    output: z.object({ caseId: z.string(), status: CaseStatusSchema, outstanding: z.number().int() }),
  }),
  'intake.promisedDate': defineMethod({
    summary: 'The promised completion date an item would get if accepted at `at` (default now)',
    roles: ['clerk', 'supervisor'],
    input: z.object({ itemCode: text(100).min(1), at: z.iso.datetime({ offset: true }).optional() }).strict(),
    output: z.object({ date: z.string(), provisional: z.boolean(), limitText: z.string(), immediate: z.boolean() }),
  }),
};

export const intakeEvents = {
  /**
   * An ID card was read: masked identity for the form, plus a token that `intake.*` accepts in
   * place of the full identity (the renderer never needs the clear ID number).
   */
  'intake.applicant': z.object({
    cardToken: z.string(),
    deviceId: z.string(),
    at: z.string(),
    simulated: z.boolean(),
    idType: z.enum(['resident', 'permit', 'foreigner', 'other']),
    certType: z.enum(CERTIFICATE_TYPE_CODES),
    name: z.string(),
    idNumber: z.string(),
    idNumberValid: z.boolean().nullable(),
    gender: z.string().nullable(),
    /** The current address, masked: the newest appended address (追加地址) when the card has one. */
    address: z.string().nullable(),
    /** True when `address` is the appended address, i.e. it differs from the one printed on the card. */
    addressUpdated: z.boolean(),
    history: z.object({ caseCount: z.number().int(), lastCaseAt: z.string().nullable() }),
  }),
};
