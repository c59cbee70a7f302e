import { Button, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/contract/cases';
import type { CaseFileView, SlotView } from '../../../common/contract/materials';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { MaterialSlotFiles } from '../intake/materials/MaterialSlotFiles';
import { CaseFiles } from './CaseFiles';

type Row = CaseDetail['materials'][number];

/** Materials of the case with their files; a deferred one can be supplied (补齐) here, with files added first. */
export function CaseMaterials({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<CaseFileView[]>([]);
  // Pages for a 补齐 are staged under a draft id of this view, like an intake's.
  const [draftId] = useState(() => crypto.randomUUID());
  const [slots, setSlots] = useState<Record<string, SlotView>>({});
  const loadFiles = useCallback(() => {
    call('materials.caseFiles', { caseId: detail.id }).then((r) => setFiles(r.files), () => setFiles([]));
  }, [detail.id]);
  useEffect(loadFiles, [loadFiles, detail]);
  const supplement = useAction(async (code: string) => {
    const staged = slots[code]?.parts.length ? { materialsDraftId: draftId } : {};
    await call('intake.supplement', { caseId: detail.id, materialCode: code, via: 'received', ...staged });
    onChanged();
    loadFiles();
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
        { title: t('materials.files.column'), render: (_, m) => <CaseFiles caseId={detail.id} name={m.name} files={files.filter((f) => f.materialCode === m.code)} /> },
        { title: t('materials.deadlineCol'), render: (_, m) => (m.state === 'deferred' ? `${m.deadline ?? '—'}${m.deadlineProvisional ? '*' : ''}` : '—'), width: 110 },
        {
          title: '',
          width: 90,
          render: (_, m) =>
            m.state === 'deferred' && (
              <Space direction="vertical" size={4}>
                <MaterialSlotFiles draftId={draftId} materialCode={m.code} materialName={m.name} slot={slots[m.code]} onSlotChange={(slot) => setSlots((s) => ({ ...s, [m.code]: slot }))} />
                <Button size="small" type="primary" loading={supplement.busy} onClick={() => void supplement.exec(m.code)} data-testid="supplement">
                  {t('cases.supplement')}
                </Button>
              </Space>
            ),
        },
      ]}
    />
  );
}
