import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { CenteredPanel } from '../shared/CenteredPanel';
import { errorText } from '../shared/errorText';

interface Values {
  staffId: string;
  password: string;
}

/** Staff sign-in against the cached roster (works offline). */
export function SignInScreen({ onSignedIn }: { onSignedIn: (s: AuthStatus) => void }) {
  const { t } = useTranslation();
  const signIn = useAction((v: Values) => call('auth.signIn', v), { silent: true });
  const submit = async (v: Values) => {
    const status = await signIn.exec(v);
    if (status) onSignedIn(status);
  };
  return (
    <CenteredPanel title={t('auth.signInTitle')} testId="sign-in">
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="staffId" label={t('auth.staffId')} rules={[{ required: true, message: t('auth.staffIdRequired') }]}>
          <Input autoFocus autoComplete="username" aria-label={t('auth.staffId')} />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" aria-label={t('auth.password')} />
        </Form.Item>
        {signIn.error && <Alert type="error" role="alert" showIcon title={errorText(t, signIn.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={signIn.busy}>
          {t('auth.signIn')}
        </Button>
      </Form>
    </CenteredPanel>
  );
}
