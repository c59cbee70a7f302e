import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalFigures } from '../figures';

/**
 * Each window's sync backlog. The central per-window figures need a sync contract method that has
 * not landed, so this window's own outbox is shown, labelled "local".
 */
export function SyncBacklog({ backlog }: { backlog: LocalFigures['backlog'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.backlog')} data-testid="sync-backlog">
      <Table
        size="small"
        pagination={false}
        rowKey="window"
        dataSource={[{ window: t('dashboard.thisWindow'), ...backlog }]}
        columns={[
          { title: t('frame.window'), dataIndex: 'window' },
          { title: t('dashboard.source'), render: () => <Tag data-testid="backlog-source">{t('dashboard.sourceLocal')}</Tag> },
          { title: t('syncState.pending'), dataIndex: 'pending' },
          { title: t('syncState.parked'), dataIndex: 'parked' },
          { title: t('syncState.synced'), dataIndex: 'synced' },
        ]}
      />
    </Card>
  );
}
