import { z } from 'zod';

/** Staff roles. `public` marks methods callable before sign-in (app info, sign-in itself). */
export const ROLES = ['clerk', 'supervisor', 'maintenance'] as const;
export type Role = (typeof ROLES)[number];
/**
 * The applicant-facing screen (common/contract/applicant-screen.ts) is a caller of its own, not a
 * staff role: it may call exactly the methods granting it, `public` ones included only if they do.
 */
export const APPLICANT_SCREEN_ROLE = 'applicant-screen';
export type ApplicantScreenRole = typeof APPLICANT_SCREEN_ROLE;
export type Access = Role | 'public' | ApplicantScreenRole;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Who may call it. The router enforces this; hiding a button in the UI is not security. */
  roles: readonly Access[];
  summary: string;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** Upper bound for free text fields; the router refuses oversized inputs before parsing. */
export const text = (max = 500) => z.string().max(max);
export const NoInput = z.object({}).strict().optional();
