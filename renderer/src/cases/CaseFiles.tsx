import { Button, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFileView } from '../../../common/contract/materials';
import { call, fileUrl } from '../bridge';
import { useAction } from '../api/useAction';
import { fileSize } from '../intake/materials/fileSize';

/** One material's files in the case detail: pages, size, 待上传/已上传, and "打开" (the PDF in a viewer, audited by main). */
export function CaseFiles({ caseId, name, files }: { caseId: string; name: string; files: CaseFileView[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ url: string; fileName: string } | null>(null);
  const view = useAction(async (sha256: string) => {
    const ticket = await call('materials.openFile', { caseId, sha256 });
    setOpen({ url: fileUrl(ticket.ticket), fileName: ticket.fileName });
  });
  if (!files.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {files.map((f) => (
        <Space key={f.sha256} size={4} data-testid="case-file" data-sha256={f.sha256} data-pages={f.pages}>
          <span className="nowrap">{t('materials.files.summary', { pages: f.pages, size: fileSize(f.size) })}</span>
          <Tag color={f.uploadState === 'uploaded' ? 'green' : 'default'}>{t(`materials.files.${f.uploadState}`)}</Tag>
          <Button size="small" loading={view.busy} aria-label={t('materials.files.openOf', { name })} onClick={() => void view.exec(f.sha256)}>
            {t('materials.files.open')}
          </Button>
        </Space>
      ))}
      <Modal open={!!open} title={t('materials.files.viewer', { name })} width="80vw" footer={null} onCancel={() => setOpen(null)} destroyOnHidden>
        {open && (
          <>
            <iframe src={open.url} title={open.fileName} data-testid="case-file-viewer" style={{ width: '100%', height: '70vh', border: 0 }} />
            <a href={open.url} target="_blank" rel="noreferrer">
              {t('materials.files.download')}
            </a>
          </>
        )}
      </Modal>
    </Space>
  );
}
