import { Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverCase } from '../../../common/contract/handover';
import { shortTime } from '../shared/dates';

const STAGE_COLORS: Record<HandoverCase['stage'], string> = { no_result: 'default', decided: 'processing', ready: 'success', handed_over: 'default', posted: 'default' };

/** The case's result and what to hand over, as the central platform reported it. */
export function HandoverResult({ c }: { c: HandoverCase }) {
  const { t } = useTranslation();
  const r = c.result;
  const h = c.handover;
  return (
    <div data-testid="handover-result">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('handover.caseNumber')}>
          <span data-testid="handover-case-number">{c.caseNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('handover.stage')}>
          <Tag color={STAGE_COLORS[c.stage]} data-testid="handover-stage">
            {t(`handover.stages.${c.stage}`)}
          </Tag>
          {c.daysWaiting !== null && <Typography.Text type="secondary">{t('handover.waited', { n: c.daysWaiting })}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('handover.item')} span={2}>{c.itemName}</Descriptions.Item>
        <Descriptions.Item label={t('handover.applicant')}>{c.applicantName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('handover.agent')}>{c.agent ? `${c.agent.name}（${t(`agent.relations.${c.agent.relation}`)}）` : t('handover.noAgent')}</Descriptions.Item>
        {r && (
          <>
            <Descriptions.Item label={t('handover.outcome')}>
              <Tag color={r.outcome === 'approved' ? 'green' : 'red'} data-testid="handover-outcome">{t(`handover.outcomes.${r.outcome}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('handover.delivery')}>{t(`handover.deliveries.${r.delivery}`)}</Descriptions.Item>
            {r.note && <Descriptions.Item label={t('handover.note')} span={2}>{r.note}</Descriptions.Item>}
          </>
        )}
      </Descriptions>
      {r && r.items.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('handover.items')}</Typography.Text>}
          dataSource={r.items}
          data-testid="handover-items"
          renderItem={(i) => (
            <List.Item>
              {i.name} <Tag>×{i.count}</Tag>
            </List.Item>
          )}
        />
      )}
      {h && (
        <Typography.Paragraph data-testid="handover-done" style={{ marginTop: 8 }}>
          {h.method === 'post'
            ? t('handover.postedLine', { carrier: h.carrier, tracking: h.trackingNumber, at: shortTime(h.at), clerk: h.clerkName })
            : t('handover.collectedLine', { who: t(`handover.collectors.${h.collector}`), at: shortTime(h.at), clerk: h.clerkName })}
          {h.overrideReason && `（${h.overrideReason}）`}
        </Typography.Paragraph>
      )}
    </div>
  );
}
