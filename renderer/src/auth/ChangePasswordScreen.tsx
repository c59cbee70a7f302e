import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { call } from '../bridge';
import { AuthForm } from './AuthForm';

/** The account must choose a new password before working. */
export function ChangePasswordScreen({ onDone }: { onDone: (s: AuthStatus) => void }) {
  const { t } = useTranslation();
  return (
    <AuthForm<{ currentPassword: string; newPassword: string }>
      title={t('auth.changePasswordTitle')}
      testId="change-password"
      submitLabel={t('auth.changePassword')}
      submit={(v) => call('auth.changePassword', v)}
      onDone={onDone}
    >
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoFocus autoComplete="current-password" aria-label={t('auth.currentPassword')} />
      </Form.Item>
      <Form.Item name="newPassword" label={t('auth.newPassword')} rules={[{ required: true, min: 8, message: t('auth.passwordMin') }]}>
        <Input.Password autoComplete="new-password" aria-label={t('auth.newPassword')} />
      </Form.Item>
    </AuthForm>
  );
}
