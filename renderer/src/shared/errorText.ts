import type { TFunction } from 'i18next';
import type { ApiCallError } from '../bridge';
import i18n from '../i18n';

/**
 * A failure in the user's language. The server's message is plain Chinese that says what to do, so
 * Chinese users see it as is; other languages get the translated code followed by the original.
 */
export function errorText(t: TFunction, err: ApiCallError): string {
  if (i18n.language === 'zh-CN') return err.message;
  return `${t(`errors.${err.code}`)} (${err.message})`;
}

export function isNotAvailable(err: ApiCallError | null): boolean {
  return err?.code === 'NOT_AVAILABLE' || err?.code === 'UNKNOWN_METHOD';
}
