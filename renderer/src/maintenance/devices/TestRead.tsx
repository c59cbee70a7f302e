import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';

/** Waits for the next card on the reader (masked answer) — proves the reader, the SAM and the card path. */
export function TestRead({ id }: { id: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<MethodOutput<'devices.testRead'> | null>(null);
  const read = useAction(async () => setResult(await call('devices.testRead', { id, timeoutMs: 15_000 })));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" size="small" loading={read.busy} onClick={() => { setResult(null); void read.exec(); }} data-testid="test-read">
        {read.busy ? t('maint.placeCard') : t('maint.testRead')}
      </Button>
      {result && (
        <Alert
          type={result.idNumberValid === false ? 'warning' : 'success'}
          showIcon
          data-testid="test-read-result"
          title={t('maint.testReadOk', { id: result.idNumberMasked, ms: Math.round(result.elapsedMs) })}
        />
      )}
    </Space>
  );
}
