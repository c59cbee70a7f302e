import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { useCall } from '../../api/useCall';
import { TableOrError } from '../../shared/TableOrError';
import { shortTime } from '../../shared/dates';
import { outboxKind } from '../../sync/outboxLabels';

type Parked = MethodOutput<'sync.parked'>[number];

/** Items the central platform refused, with its reasons; retry puts them back in the queue. */
export function ParkedList({ onRetried }: { onRetried: () => void }) {
  const { t } = useTranslation();
  const parked = useCall('sync.parked', undefined);
  const retry = useAction(async (seqs?: number[]) => {
    await call('sync.retryParked', seqs ? { seqs } : {});
    parked.reload();
    onRetried();
  });
  const rows = parked.data ?? [];
  return (
    <Card size="small" title={t('maint.parked')} extra={<Button size="small" disabled={!rows.length} loading={retry.busy} onClick={() => void retry.exec()}>{t('maint.retryAll')}</Button>}>
      <TableOrError<Parked>
          from={parked}
          what={t('maint.parked')}
          rowKey="seq"
          dataSource={rows}
          pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: t('maint.parkedNone') }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 60 },
            { title: t('sync.kind'), dataIndex: 'kind', render: (k: string) => outboxKind(t, k) },
            { title: t('maint.reason'), dataIndex: 'reason' },
            { title: t('sync.attempts'), dataIndex: 'attempts', width: 60 },
            { title: t('sync.createdAt'), dataIndex: 'createdAt', render: shortTime, width: 110 },
            { title: '', width: 70, render: (_, r) => <Button size="small" onClick={() => void retry.exec([r.seq])}>{t('common.retry')}</Button> },
          ]}
        />
    </Card>
  );
}
