import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, isNotAvailable } from '../../shared/errorText';
import type { Lookups } from '../lookups/useLookups';

/** 信用核查: a hit, a clean result, or plainly "not checked" with the reason. */
export function CreditCheck({ lookups }: { lookups: Lookups }) {
  const { t, i18n } = useTranslation();
  const { subject, credit } = lookups;
  const show = (type: 'success' | 'warning' | 'error' | 'info', title: string, description?: string) => (
    <Alert type={type} showIcon title={title} description={description} data-testid="credit-check" data-result={type} />
  );
  if (subject.id === null) return show('info', t('summary.creditNotChecked'), t(`summary.creditWhy.${subject.why}`));
  if (credit.error) return show('warning', t('summary.creditNotChecked'), isNotAvailable(credit.error) ? t('summary.creditUnavailable') : errorText(t, credit.error));
  const c = credit.data;
  if (!c) return show('info', t('summary.creditChecking'));
  // main's reason is plain Chinese: shown as is in Chinese, the general reason in other languages.
  if (!c.checked) return show('warning', t('summary.creditNotChecked'), (i18n.language === 'zh-CN' && c.message) || t('summary.creditOffline'));
  if (c.hit) return show('error', t('summary.creditHit'), c.records.map((r) => `${r.list}（${r.authority}，${r.measure}）`).join('；'));
  return show('success', t('summary.creditClear'));
}
