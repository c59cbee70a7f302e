import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { call } from '../bridge';
import { AuthForm } from './AuthForm';

interface Values {
  setupCode: string;
  staffId: string;
  name: string;
  password: string;
}

/** First run of an un-enrolled window: create the maintenance account with the installer's setup code. */
export function SetupScreen({ onDone }: { onDone: (s: AuthStatus) => void }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <AuthForm<Values>
      title={t('auth.setupTitle')}
      testId="setup"
      submitLabel={t('auth.setupSubmit')}
      submit={(v) => call('auth.setup', v)}
      onDone={onDone}
      intro={<Alert type="info" showIcon title={t('auth.setupHint')} style={{ marginBottom: 16 }} />}
      // The other way to start: training mode needs no setup code, so say how to get there.
      footer={<Alert type="warning" showIcon data-testid="setup-training-hint" style={{ marginTop: 16 }} title={t('auth.trainingHint')} />}
    >
      <Form.Item name="setupCode" label={t('auth.setupCode')} rules={required}>
        <Input autoFocus aria-label={t('auth.setupCode')} />
      </Form.Item>
      <Form.Item name="staffId" label={t('auth.staffId')} rules={required}>
        <Input autoComplete="username" aria-label={t('auth.staffId')} />
      </Form.Item>
      <Form.Item name="name" label={t('auth.name')} rules={required}>
        <Input aria-label={t('auth.name')} />
      </Form.Item>
      <Form.Item name="password" label={t('auth.newPassword')} rules={[...required, { min: 8, message: t('auth.passwordMin') }]}>
        <Input.Password autoComplete="new-password" aria-label={t('auth.newPassword')} />
      </Form.Item>
    </AuthForm>
  );
}
