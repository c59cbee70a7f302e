import { z } from 'zod';
import { Role, StaffId } from './auth';
import { defineMethod, NoInput } from './define';

/** One account of the window's cached roster, without its password verifier. */
export const StaffEntry = z.object({
  staffId: z.string(),
  name: z.string(),
  roles: z.array(Role),
  active: z.boolean(),
  source: z.enum(['central', 'setup']),
  canSignIn: z.boolean(),
  /** Seconds left of a sign-in hold after wrong passwords (0: not held). */
  heldSeconds: z.number().int().min(0),
});
export type StaffEntry = z.infer<typeof StaffEntry>;

/** The window's staff accounts, for maintenance (the roster itself comes from the central platform). */
export const staffMethods = {
  'staff.list': defineMethod({
    summary: "The window's cached staff roster with sign-in holds (no passwords)",
    roles: ['maintenance'],
    input: NoInput,
    output: z.array(StaffEntry),
  }),
  'staff.release': defineMethod({
    summary: 'Lift the sign-in hold of an account after wrong passwords (audited); CONFLICT when it is not held',
    roles: ['maintenance'],
    input: z.object({ staffId: StaffId }).strict(),
    output: z.object({ failures: z.number().int() }),
  }),
};
