import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { PASSPHRASE_MIN, passphraseStrength } from '../../../../common/contract/keys';
import type { MethodOutput } from '../../../../common/contract';
import { useAction } from '../../api/useAction';
import { call } from '../../bridge';
import { downloadText } from '../../shared/csv';
import { useKeyExportText } from './keyExportText';

interface Values {
  passphrase: string;
  confirm: string;
}

const STRENGTH_TYPE = ['danger', 'warning', 'secondary', 'success'] as const;

/**
 * Exports the data key wrapped with a passphrase typed twice (`keys.export`, maintenance only) and
 * saves the file through the browser's download (Electron asks where to save). Import is CLI-only:
 * it must run while the app is stopped.
 */
export function KeyExport() {
  const text = useKeyExportText();
  const [form] = Form.useForm<Values>();
  const passphrase = Form.useWatch('passphrase', form) ?? '';
  const [done, setDone] = useState<MethodOutput<'keys.export'> | null>(null);
  const run = useAction(async (v: Values) => {
    setDone(null);
    const r = await call('keys.export', { passphrase: v.passphrase });
    downloadText(r.fileName, r.content, 'application/octet-stream');
    form.resetFields();
    setDone(r);
  });
  const strength = passphraseStrength(passphrase);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="key-export">
      <Typography.Text type="secondary">{text.hint}</Typography.Text>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void run.exec(v)} autoComplete="off">
        <Form.Item
          name="passphrase"
          label={text.passphrase}
          rules={[{ required: true, min: PASSPHRASE_MIN, message: text.tooShort(PASSPHRASE_MIN) }]}
          extra={
            passphrase && (
              <Tooltip title={text.strengthTip}>
                <Typography.Text type={STRENGTH_TYPE[strength]} data-testid="key-export-strength">
                  {text.strengthLabel}：{text.strength[strength]}
                </Typography.Text>
              </Tooltip>
            )
          }
        >
          <Input.Password autoComplete="new-password" data-testid="key-export-passphrase" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={text.confirm}
          dependencies={['passphrase']}
          rules={[
            { required: true, message: text.mismatch },
            ({ getFieldValue }) => ({
              validator: (_r, value: string) => (!value || value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(text.mismatch))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="key-export-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={run.busy} disabled={strength === 0} data-testid="key-export-submit">
          {run.busy ? text.running : text.submit}
        </Button>
      </Form>
      {done && <Alert type="success" showIcon data-testid="key-export-result" title={text.done(done.keyId, done.seconds)} description={text.saved(done.fileName)} />}
    </Space>
  );
}

/** The maintenance console tab: its label and the panel. */
export function KeyTabLabel() {
  return <>{useKeyExportText().tab}</>;
}

export function KeyPanel() {
  const text = useKeyExportText();
  return (
    <Card size="small" title={text.title} style={{ maxWidth: 640 }}>
      <KeyExport />
    </Card>
  );
}
