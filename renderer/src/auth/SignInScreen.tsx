import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { call } from '../bridge';
import { AuthForm } from './AuthForm';

/** Staff sign-in against the cached roster (works offline). */
export function SignInScreen({ onSignedIn }: { onSignedIn: (s: AuthStatus) => void }) {
  const { t } = useTranslation();
  return (
    <AuthForm<{ staffId: string; password: string }> title={t('auth.signInTitle')} testId="sign-in" submitLabel={t('auth.signIn')} submit={(v) => call('auth.signIn', v)} onDone={onSignedIn}>
      <Form.Item name="staffId" label={t('auth.staffId')} rules={[{ required: true, message: t('auth.staffIdRequired') }]}>
        <Input autoFocus autoComplete="username" aria-label={t('auth.staffId')} />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" aria-label={t('auth.password')} />
      </Form.Item>
    </AuthForm>
  );
}
