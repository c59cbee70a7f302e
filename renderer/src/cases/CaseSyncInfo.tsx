import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/contract/cases';
import { shortTime } from '../shared/dates';
import { outboxKind, outboxState } from '../sync/outboxLabels';

type Row = CaseDetail['outbox'][number];

/** The case's outbox rows: what is still to send, and why a send failed. */
export function CaseSyncInfo({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => `${r.kind}-${r.createdAt}`}
      pagination={false}
      dataSource={detail.outbox}
      columns={[
        { title: t('sync.kind'), dataIndex: 'kind', render: (k: string) => outboxKind(t, k) },
        { title: t('sync.state'), dataIndex: 'state', render: (s: string) => outboxState(t, s) },
        { title: t('sync.attempts'), dataIndex: 'attempts', width: 70 },
        { title: t('sync.createdAt'), dataIndex: 'createdAt', render: shortTime },
        { title: t('sync.doneAt'), dataIndex: 'doneAt', render: shortTime },
        { title: t('sync.lastError'), dataIndex: 'lastError', render: (e: string | null) => e ?? '—' },
      ]}
    />
  );
}
