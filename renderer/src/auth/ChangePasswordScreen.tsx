import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { CenteredPanel } from '../shared/CenteredPanel';
import { errorText } from '../shared/errorText';

interface Values {
  currentPassword: string;
  newPassword: string;
}

/** The account must choose a new password before working. */
export function ChangePasswordScreen({ onDone }: { onDone: (s: AuthStatus) => void }) {
  const { t } = useTranslation();
  const change = useAction((v: Values) => call('auth.changePassword', v), { silent: true });
  const submit = async (v: Values) => {
    const s = await change.exec(v);
    if (s) onDone(s);
  };
  return (
    <CenteredPanel title={t('auth.changePasswordTitle')} testId="change-password">
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoFocus autoComplete="current-password" aria-label={t('auth.currentPassword')} />
        </Form.Item>
        <Form.Item name="newPassword" label={t('auth.newPassword')} rules={[{ required: true, min: 8, message: t('auth.passwordMin') }]}>
          <Input.Password autoComplete="new-password" aria-label={t('auth.newPassword')} />
        </Form.Item>
        {change.error && <Alert type="error" role="alert" showIcon title={errorText(t, change.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={change.busy}>
          {t('auth.changePassword')}
        </Button>
      </Form>
    </CenteredPanel>
  );
}
