import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../../common/contract/settings';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { useCall } from '../../api/useCall';

type Driver = 'none' | 'http' | 'serial';
interface Values {
  driver: Driver;
  url?: string;
  /** Typed here only: the saved token is never sent to the renderer, blank keeps it. */
  token?: string;
  clearToken?: boolean;
  callerDeviceId?: string | null;
}

const HTTP_URL = /^https?:\/\/\S+$/;

/**
 * 运维 → 设备 → 叫号: which queue driver this window uses (settings `queue`). Only the fields of the
 * chosen driver are sent, so switching to walk-ins only keeps the address and token for later; the
 * change takes effect at once (the queue module reconnects on a settings change).
 */
export function QueueSettingsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useCall('settings.get', undefined);
  const [form] = Form.useForm<Values>();
  const driver = Form.useWatch('driver', form);
  const save = useAction(async (v: Values) => {
    const queue: NonNullable<SettingsPatch['queue']> = { driver: v.driver };
    if (v.driver === 'http') queue.url = v.url!.trim();
    if (v.driver === 'serial') queue.callerDeviceId = v.callerDeviceId!;
    if (v.clearToken) queue.token = null;
    else if (v.token?.trim()) queue.token = v.token.trim();
    await call('settings.update', { patch: { queue } });
    void message.success(t('queueSettings.saved'));
    form.setFieldsValue({ token: '', clearToken: false });
    saved.reload();
  });
  if (!saved.data) return null;
  const q = saved.data.settings.queue;
  const tokenSet = saved.data.secrets.queueToken;
  const callers = saved.data.settings.devices.filter((d) => d.kind === 'queueCaller').map((d) => ({ value: d.id, label: d.id }));
  return (
    <Card size="small" title={t('queueSettings.title')} data-testid="queue-settings-panel">
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ driver: q.driver, url: q.url ?? '', token: '', clearToken: false, callerDeviceId: q.callerDeviceId }}
        onFinish={(v) => void save.exec(v)}
      >
        <Form.Item name="driver" label={t('queueSettings.driver')}>
          <Radio.Group
            aria-label={t('queueSettings.driver')}
            data-testid="queue-driver"
            options={(['none', 'http', 'serial'] as const).map((d) => ({ value: d, label: t(`queueSettings.drivers.${d}`) }))}
          />
        </Form.Item>
        {driver === 'http' && (
          <>
            <Form.Item
              name="url"
              label={t('queueSettings.url')}
              rules={[
                { required: true, whitespace: true, message: t('queueSettings.urlRequired') },
                { pattern: HTTP_URL, message: t('queueSettings.urlInvalid') },
              ]}
            >
              <Input placeholder="http://10.0.0.9:8088" data-testid="queue-url" autoComplete="off" />
            </Form.Item>
            <Form.Item name="token" label={t('queueSettings.token')} extra={tokenSet ? t('queueSettings.tokenSet') : t('queueSettings.tokenNone')} rules={[{ max: 200, message: t('queueSettings.tokenTooLong') }]}>
              <Input.Password placeholder={tokenSet ? t('queueSettings.tokenKeep') : ''} data-testid="queue-token" autoComplete="new-password" visibilityToggle={false} />
            </Form.Item>
            {tokenSet && (
              <Form.Item name="clearToken" valuePropName="checked">
                <Checkbox data-testid="queue-clear-token">{t('queueSettings.clearToken')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {driver === 'serial' &&
          (callers.length ? (
            <Form.Item name="callerDeviceId" label={t('queueSettings.caller')} rules={[{ required: true, message: t('queueSettings.callerRequired') }]}>
              <Select options={callers} aria-label={t('queueSettings.caller')} data-testid="queue-caller" style={{ width: 260 }} />
            </Form.Item>
          ) : (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('queueSettings.noCaller')} data-testid="queue-no-caller" />
          ))}
        <Button type="primary" htmlType="submit" loading={save.busy} disabled={driver === 'serial' && !callers.length} data-testid="queue-save">
          {t('queueSettings.save')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t(`queueSettings.help.${driver ?? q.driver}`)}
      </Typography.Paragraph>
    </Card>
  );
}
