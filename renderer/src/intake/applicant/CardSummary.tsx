import { IdcardOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonFields } from '../draftStore';

/** What a card read gave: masked name, number and current address (noted when it is the appended one), checksum verdict, earlier cases here. */
export function CardSummary({ card, onClear }: { card: NonNullable<PersonFields['card']>; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="card-summary" aria-live="polite">
      {/* The column is narrow: labels keep one line, the values wrap. */}
      <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('applicant.name')}>
          <span data-testid="applicant-name">{card.name}</span>
          {card.simulated && <Tag color="orange" style={{ marginLeft: 8 }}>{t('applicant.demoCard')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('applicant.idNumber')}>
          <span data-testid="applicant-id">{card.maskedId}</span>
        </Descriptions.Item>
        {card.maskedAddress && (
          <Descriptions.Item label={t('applicant.address')}>
            <span data-testid="applicant-address">{card.maskedAddress}</span>
            {card.addressUpdated && (
              <Tag color="blue" style={{ display: 'table', marginTop: 4, whiteSpace: 'normal' }} title={t('applicant.addressUpdatedNote')} data-testid="applicant-address-updated">
                {t('applicant.addressUpdated')}
              </Tag>
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('applicant.history')}>
          {card.history.caseCount ? t('applicant.historyCount', { count: card.history.caseCount }) : t('applicant.historyNone')}
        </Descriptions.Item>
      </Descriptions>
      {card.idValid === false && <Alert type="error" showIcon role="alert" title={t('validation.id.checksum')} style={{ marginTop: 8 }} />}
      <Button size="small" icon={<IdcardOutlined />} onClick={onClear} style={{ margin: '8px 0 12px', whiteSpace: 'normal', height: 'auto', textAlign: 'start' }}>
        {t('applicant.clearCard')}
      </Button>
    </div>
  );
}
