import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { CallError } from '../../shared/CallError';
import { Loading } from '../../shared/Loading';
import { SHORTCUTS } from '../../shared/shortcuts';
import { useHotkeys } from '../../shared/useHotkeys';

/**
 * The notice as the backend renders it, in a sandboxed frame (no scripts); printing prints only
 * the frame's document.
 */
export function NoticePreview({ caseId, height = 420, primary = false }: { caseId: string; height?: number | string; primary?: boolean }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const notice = useCall('cases.notice', { id: caseId }, [caseId]);
  const print = () => frame.current?.contentWindow?.print();
  // The notice the clerk just made: Ctrl+P prints it (not the whole screen) and the button takes the focus, so Enter prints too.
  useHotkeys({ [SHORTCUTS.intake.printNotice]: print }, primary && !!notice.data);
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
      <Button icon={<PrinterOutlined />} onClick={print} autoFocus={primary} data-testid="print-notice">
        {primary ? `${t('outcome.print')} (${SHORTCUTS.intake.printNotice})` : t('outcome.print')}
      </Button>
    </Space>
  );
}
