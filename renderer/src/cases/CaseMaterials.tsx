import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/contract/cases';
import { call } from '../bridge';
import { useAction } from '../api/useAction';

type Row = CaseDetail['materials'][number];

/** Materials of the case; a deferred one can be supplied (补齐) here. */
export function CaseMaterials({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const supplement = useAction(async (code: string) => {
    await call('intake.supplement', { caseId: detail.id, materialCode: code, via: 'received' });
    onChanged();
  });
  return (
    <Table<Row>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={detail.materials}
      columns={[
        { title: t('materials.name'), dataIndex: 'name' },
        { title: <span className="nowrap">{t('materials.counts')}</span>, render: (_, m) => `${m.originals} / ${m.copies}`, width: 100 },
        { title: t('cases.status'), dataIndex: 'state', render: (s: Row['state']) => <Tag>{t(`materials.state.${s}`)}</Tag>, width: 100 },
        { title: t('materials.deadlineCol'), render: (_, m) => (m.state === 'deferred' ? `${m.deadline ?? '—'}${m.deadlineProvisional ? '*' : ''}` : '—'), width: 110 },
        {
          title: '',
          width: 90,
          render: (_, m) =>
            m.state === 'deferred' && (
              <Button size="small" type="primary" loading={supplement.busy} onClick={() => void supplement.exec(m.code)} data-testid="supplement">
                {t('cases.supplement')}
              </Button>
            ),
        },
      ]}
    />
  );
}
