import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../routing/useHashRoute';
import { CallError } from '../../shared/CallError';
import { ExportButton } from '../../shared/ExportButton';
import { useDeferredDue, type DeferredDueRow } from '../useDeferredDue';

/** 容缺 due and overdue: each deferred material with its supply deadline; a row opens the case. */
export function DeferredDue({ round }: { round: number }) {
  const { t } = useTranslation();
  const due = useDeferredDue(round);
  const rows = due.rows ?? [];
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <Card
      size="small"
      title={t('dashboard.deferredDue', { count: rows.length, overdue })}
      extra={<ExportButton filename="deferred.csv" header={[t('cases.caseNumber'), t('cases.item'), t('materials.name'), t('materials.deadlineCol')]} rows={() => rows.map((r) => [r.caseNumber, r.itemName, r.material, r.deadline])} />}
      data-testid="deferred-due"
    >
      {due.error ? (
        <CallError error={due.error} what={t('dashboard.deferredDue', { count: 0, overdue: 0 })} />
      ) : (
        <Table<DeferredDueRow>
          size="small"
          rowKey="key"
          loading={!due.rows}
          dataSource={rows}
          pagination={{ pageSize: 4, size: 'small' }}
          locale={{ emptyText: t('dashboard.noDeferredDue') }}
          onRow={(r) => ({ onClick: () => navigate('cases', r.caseId) })}
          columns={[
            { title: t('cases.caseNumber'), dataIndex: 'caseNumber' },
            { title: t('materials.name'), dataIndex: 'material', ellipsis: true },
            { title: t('materials.deadlineCol'), render: (_, r) => <span>{r.deadline}{r.overdue && <Tag color="red" style={{ marginLeft: 4 }}>{t('dashboard.overdue')}</Tag>}</span>, width: 140 },
          ]}
        />
      )}
    </Card>
  );
}
