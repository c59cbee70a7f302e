import type { TFunction } from 'i18next';
import { checkIdNumber } from '../../../../common/domain/id-number';
import { checkUscc } from '../../../../common/domain/uscc';

/** Live ID number check in the user's language; birth date and gender when valid. */
export function idNumberVerdict(t: TFunction, value: string): { problem: string | null; ok: string | null } {
  const v = value.trim().toUpperCase();
  if (!v) return { problem: null, ok: null };
  const c = checkIdNumber(v);
  if (!c.valid) return { problem: t(`validation.id.${c.problem}`), ok: null };
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  const gender = Number(v[16]) % 2 === 1 ? t('applicant.male') : t('applicant.female');
  return { problem: null, ok: v.startsWith('9') ? t('validation.ok') : t('validation.idOk', { birth, gender }) };
}

export function usccVerdict(t: TFunction, value: string): { problem: string | null; ok: string | null } {
  const v = value.trim().toUpperCase();
  if (!v) return { problem: null, ok: null };
  const c = checkUscc(v);
  return c.valid ? { problem: null, ok: t('validation.ok') } : { problem: t(`validation.uscc.${c.problem}`), ok: null };
}
