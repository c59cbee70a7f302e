import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';

/** Writes the redacted diagnostics zip (config, versions, logs, device frames) into the data folder. */
export function DiagExport() {
  const { t } = useTranslation();
  const [result, setResult] = useState<MethodOutput<'diag.export'> | null>(null);
  const run = useAction(async () => setResult(await call('diag.export')));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('maint.diagHint')}</Typography.Text>
      <Button type="primary" icon={<ExportOutlined />} loading={run.busy} onClick={() => void run.exec()} data-testid="diag-export">
        {run.busy ? t('maint.diagRunning') : t('maint.diagExport')}
      </Button>
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="diag-result"
          title={t('maint.diagDone', { kb: Math.ceil(result.bytes / 1024), count: result.entries.length })}
          description={<code data-testid="diag-file">{result.file}</code>}
        />
      )}
    </Space>
  );
}
