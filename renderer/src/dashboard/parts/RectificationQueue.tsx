import { Button, Card, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RectificationView } from '../../../../common/contract/reviews';
import type { CallState } from '../../api/useCall';
import type { MethodOutput } from '../../../../common/contract';
import { TableOrError } from '../../shared/TableOrError';
import { shortTime } from '../../shared/dates';
import { ExportButton } from '../../shared/ExportButton';
import { CloseRectificationDialog } from './CloseRectificationDialog';

/** Bad ratings to rectify, overdue first; a supervisor closes one with a note and the follow-up result. */
export function RectificationQueue({ queue }: { queue: CallState<MethodOutput<'reviews.rectifications'>> }) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState<RectificationView | null>(null);
  const items = queue.data?.items ?? [];
  const header = [t('cases.caseNumber'), t('cases.item'), t('dashboard.level'), t('dashboard.reasons'), t('dashboard.deadline'), t('cases.status')];
  return (
    <Card
      size="small"
      title={t('dashboard.rectifications')}
      extra={<ExportButton filename="rectifications.csv" header={header} rows={() => items.map((r) => [r.caseNumber, r.itemName, r.levelLabel, r.reasons.join('、'), r.deadline, r.state])} />}
      data-testid="rectification-queue"
    >
      <TableOrError<RectificationView>
          from={queue}
          what={t('dashboard.rectifications')}
          rowKey="id"
          dataSource={items}
          pagination={{ pageSize: 5, size: 'small' }}
          locale={{ emptyText: t('dashboard.noRectifications') }}
          columns={[
            // Case numbers wrap at their hyphens rather than lose the date and sequence to an ellipsis.
            { title: t('cases.caseNumber'), dataIndex: 'caseNumber', render: (v: string | null, r) => <span title={`${v ?? ''} ${r.itemName}`}>{v ?? '—'}</span> },
            { title: t('dashboard.level'), dataIndex: 'level', render: (l: number) => <Tag color="red">{t(`rating.level.${l}`)}</Tag>, width: 100 },
            { title: t('dashboard.deadline'), render: (_, r) => <span>{r.deadline}{r.overdue && <Tag color="red" style={{ marginLeft: 4 }}>{t('dashboard.overdue')}</Tag>}</span>, width: 150 },
            {
              title: t('cases.status'),
              width: 120,
              render: (_, r) =>
                r.state === 'closed' ? (
                  <span title={r.note ?? undefined}>{t('dashboard.closedAt', { at: shortTime(r.closedAt) })}</span>
                ) : (
                  <Button size="small" type="primary" onClick={() => setClosing(r)} data-testid="close-rectification">
                    {t('dashboard.close')}
                  </Button>
                ),
            },
          ]}
        />
      <CloseRectificationDialog item={closing} onClose={() => setClosing(null)} onClosed={queue.reload} />
    </Card>
  );
}
