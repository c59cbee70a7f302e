import { z } from 'zod';
import { REFUSAL_REASONS, SIGNATURE_SOURCES, SignatureStrokes } from '../domain/signature';
import { CaseStatusSchema, MaterialStateSchema } from './intake';
import { APPLICANT_SCREEN_ROLE, defineMethod, NoInput, text } from './define';
import { RatingLevel } from './scan';

/**
 * The applicant-facing screen (双屏 / 柜外清): a second window in front of the applicant. It is not a
 * staff member: it calls as its own caller (`applicant-screen`), may call exactly the methods listed
 * `['applicant-screen']` (not even `public` ones) and receives only `applicantScreenReceives`.
 * A locked clerk window does not stop it: it has no staff session to lock.
 */
export { APPLICANT_SCREEN_ROLE, type ApplicantScreenRole } from './define';
export const APPLICANT_SCREEN_CALLER = { staffId: 'applicant-screen', name: '申请人屏' } as const;

/** What the applicant may see of the case: masked identity, item, materials, dates, the notice. */
export const ApplicantRecord = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  status: CaseStatusSchema,
  /** Masked (张*三, 1101**********1234). */
  applicantName: z.string(),
  applicantId: z.string(),
  itemName: z.string(),
  materials: z.array(
    z.object({
      name: z.string(),
      state: MaterialStateSchema,
      stateLabel: z.string(),
      originals: z.number().int(),
      copies: z.number().int(),
      /** 容缺: the supply deadline. */
      deadline: z.string().nullable(),
      deadlineProvisional: z.boolean(),
    }),
  ),
  promisedLimitText: z.string(),
  promisedDate: z.string().nullable(),
  promisedProvisional: z.boolean(),
  /** The acceptance notice as it will print (HTML, shown in a sandboxed frame). */
  noticeHtml: z.string(),
});
export type ApplicantRecord = z.infer<typeof ApplicantRecord>;

export const SignatureOutcome = z.enum(['signed', 'refused']);

const PresentationStage = z.enum(['review', 'sign', 'done']);
const PresentationOutcome = z.object({ outcome: SignatureOutcome, sha256: z.string().nullable(), at: z.string() }).nullable();

export const ApplicantScreenState = z.object({
  idle: z.object({ hallName: z.string(), windowName: z.string(), clerkName: z.string().nullable(), notice: z.string() }),
  /** The case the clerk put in front of the applicant; null = idle. */
  presentation: z
    .object({
      presentationId: z.string(),
      stage: PresentationStage,
      record: ApplicantRecord,
      outcome: PresentationOutcome,
    })
    .nullable(),
  /** A 好差评 prompt waiting for the applicant on this screen. */
  rating: z.object({ promptId: z.string(), caseId: z.string().nullable() }).nullable(),
});
export type ApplicantScreenState = z.infer<typeof ApplicantScreenState>;

const Presentation = { presentationId: text(80).min(1) };

export const applicantScreenMethods = {
  'applicantScreen.state': defineMethod({
    summary: 'The applicant screen: what it shows now (idle, the record, a rating prompt)',
    roles: [APPLICANT_SCREEN_ROLE],
    input: NoInput,
    output: ApplicantScreenState,
  }),
  'applicantScreen.confirm': defineMethod({
    summary: 'The applicant confirms the record (确认无误): the screen moves on to the signature',
    roles: [APPLICANT_SCREEN_ROLE],
    input: z.object(Presentation).strict(),
    output: ApplicantScreenState,
  }),
  'applicantScreen.sign': defineMethod({
    summary: 'The applicant signs: strokes kept sealed with a PNG rendered from them; SHA-256 in the audit chain and the case',
    roles: [APPLICANT_SCREEN_ROLE],
    input: z.object({ ...Presentation, strokes: SignatureStrokes, source: z.enum(SIGNATURE_SOURCES).default('screen') }).strict(),
    output: z.object({ sha256: z.string(), state: ApplicantScreenState }),
  }),
  'applicantScreen.refuse': defineMethod({
    summary: 'The applicant declines to sign (拒绝签名): recorded with the reason',
    roles: [APPLICANT_SCREEN_ROLE],
    input: z
      .object({ ...Presentation, reason: z.enum(REFUSAL_REASONS), text: text(200).optional() })
      .strict(),
    output: ApplicantScreenState,
  }),
  'applicantScreen.rate': defineMethod({
    summary: '好差评 on the applicant screen (channel 大厅平板): answers the prompt and records the rating',
    roles: [APPLICANT_SCREEN_ROLE],
    input: z.object({ promptId: text(80).min(1), level: RatingLevel, reasons: z.array(text(100)).max(20).default([]) }).strict(),
    output: z.object({ recorded: z.boolean() }),
  }),
  'applicantScreen.present': defineMethod({
    summary: 'The clerk puts a decided case in front of the applicant (confirm, sign)',
    roles: ['clerk'],
    input: z.object({ caseId: text(80).min(1) }).strict(),
    /** `attached`: an applicant screen is open (else the clerk's window does not wait for a signature). */
    output: z.object({ presentationId: z.string(), attached: z.boolean(), stage: PresentationStage, outcome: PresentationOutcome }),
  }),
  'applicantScreen.clear': defineMethod({
    summary: 'The clerk sends the applicant screen back to idle',
    roles: ['clerk'],
    input: NoInput,
    output: z.object({ cleared: z.boolean() }),
  }),
  'applicantScreen.signature': defineMethod({
    summary: 'The signature outcome of a case (for the clerk): signed with its hash, refused with the reason, or none',
    roles: ['clerk', 'supervisor'],
    input: z.object({ caseId: text(80).min(1) }).strict(),
    output: z
      .object({ outcome: SignatureOutcome, sha256: z.string().nullable(), refusalReason: z.string().nullable(), at: z.string(), pngBase64: z.string().nullable() })
      .nullable(),
  }),
};

export const applicantScreenEvents = {
  /** What the applicant screen shows changed (it also reaches the clerk's window, which shows progress). */
  'applicantScreen.state': ApplicantScreenState,
};

/** Exactly what the applicant screen may receive. */
export const applicantScreenReceives = ['applicantScreen.state'] as const satisfies ReadonlyArray<keyof typeof applicantScreenEvents>;

export function applicantScreenMayReceive(event: string): boolean {
  return (applicantScreenReceives as readonly string[]).includes(event);
}
