import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';

interface Values {
  centralUrl: string;
  code: string;
  deviceName?: string;
}

/** Enrol this window with the central platform using a one-time code. */
export function EnrolForm({ enrolled, onEnrolled }: { enrolled: boolean; onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<MethodOutput<'sync.enroll'> | null>(null);
  const enrol = useAction(async (v: Values) => {
    setDone(await call('sync.enroll', { centralUrl: v.centralUrl.trim(), code: v.code.trim(), ...(v.deviceName?.trim() ? { deviceName: v.deviceName.trim() } : {}) }));
    onEnrolled();
  });
  return (
    <Card size="small" title={t('maint.enrol')}>
      {enrolled && !done && <Alert type="success" showIcon title={t('maint.enrolled')} style={{ marginBottom: 8 }} />}
      {done && <Alert type="success" showIcon title={t('maint.enrolDone', { hall: done.hall, window: done.window })} style={{ marginBottom: 8 }} />}
      <Form<Values> layout="inline" onFinish={(v) => void enrol.exec(v)}>
        <Form.Item name="centralUrl" rules={[{ required: true, pattern: /^https?:\/\//, message: t('maint.urlRule') }]}>
          <Input placeholder={t('maint.centralUrl')} aria-label={t('maint.centralUrl')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="code" rules={[{ required: true, message: t('common.required') }]}>
          <Input placeholder={t('maint.enrolCode')} aria-label={t('maint.enrolCode')} style={{ width: 140 }} />
        </Form.Item>
        <Button htmlType="submit" loading={enrol.busy}>{t('maint.enrolSubmit')}</Button>
      </Form>
    </Card>
  );
}
