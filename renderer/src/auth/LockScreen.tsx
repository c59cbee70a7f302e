import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography, type InputRef } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { CenteredPanel } from '../shared/CenteredPanel';
import { errorText } from '../shared/errorText';

/**
 * Shown while the session is locked. It renders nothing of the work behind it (the intake in
 * progress stays in memory, unmounted from view), only the staff name and a password field.
 */
export function LockScreen({ status, onChange }: { status: AuthStatus; onChange: (s: AuthStatus) => void }) {
  const { t } = useTranslation();
  const unlock = useAction((password: string) => call('auth.unlock', { password }), { silent: true });
  const signOut = useAction(() => call('auth.signOut'));
  const field = useRef<InputRef>(null);
  const submit = async ({ password }: { password: string }) => {
    const s = await unlock.exec(password);
    if (s) onChange(s);
    // A wrong password stays selected, so typing again replaces it.
    else field.current?.focus({ cursor: 'all' });
  };
  return (
    <CenteredPanel title={t('auth.lockedTitle')} testId="lock-screen">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          <LockOutlined /> {t(`auth.lockReason.${status.lockReason ?? 'manual'}`, { name: status.name ?? status.staffId })}
        </Typography.Text>
        <Form<{ password: string }> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password ref={field} autoFocus autoComplete="current-password" aria-label={t('auth.password')} />
          </Form.Item>
          {status.mode === 'demo' && (
            <Typography.Paragraph type="secondary" data-testid="demo-password-hint">
              {t('auth.demoPasswordHint')}
            </Typography.Paragraph>
          )}
          {unlock.error && <Alert type="error" role="alert" showIcon title={errorText(t, unlock.error)} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={unlock.busy}>
              {t('auth.unlock')}
            </Button>
            <Button onClick={async () => { const s = await signOut.exec(); if (s) onChange(s); }} loading={signOut.busy}>
              {t('auth.switchUser')}
            </Button>
          </Space>
        </Form>
      </Space>
    </CenteredPanel>
  );
}
