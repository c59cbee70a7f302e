import { Alert, Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { useAction } from '../api/useAction';
import { CenteredPanel } from '../shared/CenteredPanel';
import { errorText } from '../shared/errorText';

interface Props<V> {
  title: string;
  testId: string;
  submitLabel: string;
  /** The auth call; its new status goes to `onDone`. */
  submit: (values: V) => Promise<AuthStatus>;
  onDone: (s: AuthStatus) => void;
  /** Above the fields (e.g. a hint). */
  intro?: ReactNode;
  /** Below the button (e.g. another way in). */
  footer?: ReactNode;
  children: ReactNode;
}

/** The one shape of every sign-in-like screen: fields, the failure in plain words, one button. */
export function AuthForm<V extends object>({ title, testId, submitLabel, submit, onDone, intro, footer, children }: Props<V>) {
  const { t } = useTranslation();
  const action = useAction(submit, { silent: true });
  const finish = async (v: V) => {
    const s = await action.exec(v);
    if (s) onDone(s);
  };
  return (
    <CenteredPanel title={title} testId={testId}>
      {intro}
      <Form<V> layout="vertical" onFinish={finish} requiredMark={false}>
        {children}
        {action.error && <Alert type="error" role="alert" showIcon title={errorText(t, action.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={action.busy}>
          {submitLabel}
        </Button>
      </Form>
      {footer}
    </CenteredPanel>
  );
}
