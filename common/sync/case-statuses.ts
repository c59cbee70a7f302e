// Its own file, without zod: the CLI lists these as option choices before it loads anything heavy.
/** Central statuses of a case (DOMAIN.md: 办理, 补正, 特别程序, 办结 准予/不予, 退回). */
export const CENTRAL_CASE_STATUSES = [
  'in_progress',
  'supplement_requested',
  'special_procedure',
  'completed_approved',
  'completed_not_approved',
  'returned',
] as const;
