import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, isNotAvailable } from '../../shared/errorText';
import { NotAvailable } from '../../shared/NotAvailable';
import type { RatingPhase } from './useRatingPrompt';

/** Where the 好差评 stands: waiting on the pad/evaluator, the rating given, or what went wrong. */
export function RatingStatus({ state, onRetry }: { state: RatingPhase; onRetry: () => void }) {
  const { t } = useTranslation();
  const body = (() => {
    switch (state.phase) {
      case 'idle':
        return null;
      case 'waiting':
        return (
          <Space>
            <Spin size="small" />
            <Typography.Text>{t('rating.waiting', { device: state.device === 'screen' ? t('rating.screenPad') : state.device })}</Typography.Text>
          </Space>
        );
      case 'rated':
        return <Alert type={state.level >= 4 ? 'warning' : 'success'} showIcon title={t('rating.rated', { label: t(`rating.level.${state.level}`) })} />;
      case 'ended':
        return <Alert type="info" showIcon title={t(`rating.outcome.${state.outcome}`)} action={<Button size="small" onClick={onRetry}>{t('rating.again')}</Button>} />;
      case 'failed':
        if (isNotAvailable(state.error)) return <NotAvailable what={t('rating.title')} />;
        return <Alert type="error" showIcon title={errorText(t, state.error)} action={<Button size="small" onClick={onRetry}>{t('rating.again')}</Button>} />;
    }
  })();
  return (
    <div data-testid="rating-status" data-phase={state.phase} aria-live="polite">
      <Typography.Title level={5}>{t('rating.title')}</Typography.Title>
      {body}
    </div>
  );
}
