import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { CallError } from '../../shared/CallError';
import { Loading } from '../../shared/Loading';

/**
 * The notice as the backend renders it, in a sandboxed frame (no scripts); printing prints only
 * the frame's document.
 */
export function NoticePreview({ caseId, height = 420 }: { caseId: string; height?: number }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const notice = useCall('cases.notice', { id: caseId }, [caseId]);
  if (notice.error) return <CallError error={notice.error} what={t('outcome.notice')} onRetry={notice.reload} />;
  if (!notice.data) return <Loading />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <iframe
        ref={frame}
        title={notice.data.title}
        data-testid="notice-frame"
        sandbox="allow-same-origin allow-modals"
        srcDoc={notice.data.html}
        className="notice-frame"
        style={{ height }}
      />
      <Button icon={<PrinterOutlined />} onClick={() => frame.current?.contentWindow?.print()} data-testid="print-notice">
        {t('outcome.print')}
      </Button>
    </Space>
  );
}
