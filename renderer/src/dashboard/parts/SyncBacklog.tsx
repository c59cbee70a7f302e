import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { shortTime } from '../../shared/dates';
import type { LocalFigures } from '../figures';

interface Row {
  key: string;
  window: string;
  source: 'local' | 'central';
  cases: number | null;
  /** Cases not yet acknowledged by the central platform (pending or parked). */
  pending: number | null;
  lastSeenAt: string | null;
}

/**
 * Each window's sync state: this window's own backlog (local), and every window's figures and last
 * contact as the central platform reports them when it can be reached. Each row says where it came from.
 */
export function SyncBacklog({ backlog, round }: { backlog: LocalFigures['backlog']; round: number }) {
  const { t } = useTranslation();
  const hall = useCall('sync.hallStats', {}, [round]);
  const rows: Row[] = [
    { key: 'local', window: t('dashboard.thisWindow'), source: 'local', cases: null, pending: backlog.pending + backlog.parked, lastSeenAt: null },
    ...(hall.data?.windows ?? []).map((w) => ({ key: `c-${w.window}`, window: w.window, source: 'central' as const, cases: w.cases, pending: null, lastSeenAt: w.lastSeenAt })),
  ];
  return (
    <Card size="small" title={t('dashboard.backlog')} data-testid="sync-backlog" extra={hall.error && <Tag color="orange">{t('dashboard.centralUnreachable')}</Tag>}>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        scroll={{ y: 120 }}
        dataSource={rows}
        columns={[
          { title: t('frame.window'), dataIndex: 'window' },
          { title: t('dashboard.source'), dataIndex: 'source', render: (s: Row['source']) => <Tag color={s === 'central' ? 'blue' : undefined} data-testid={`backlog-source-${s}`}>{t(`dashboard.source_${s}`)}</Tag> },
          { title: t('dashboard.pendingCases'), dataIndex: 'pending', render: (v: number | null) => v ?? '—' },
          { title: t('dashboard.centralCases'), dataIndex: 'cases', render: (v: number | null) => v ?? '—' },
          { title: t('dashboard.lastSeen'), dataIndex: 'lastSeenAt', render: (v: string | null) => (v ? shortTime(v) : '—') },
        ]}
      />
    </Card>
  );
}
