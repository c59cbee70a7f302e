import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadText, toCsv } from './csv';

/** Exports a table as CSV (opens in Excel / WPS). */
export function ExportButton({ filename, header, rows, testId }: { filename: string; header: string[]; rows: () => (string | number | null)[][]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadText(filename, toCsv(header, rows()))} data-testid={testId}>
      {t('common.export')}
    </Button>
  );
}
