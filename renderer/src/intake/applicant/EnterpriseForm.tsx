import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { CheckedField } from '../../shared/CheckedField';
import { patchDraft, type EnterpriseFields } from '../draftStore';
import { idNumberVerdict, usccVerdict } from './checks';

/** An enterprise: name, 统一社会信用代码 (checked live), legal representative. */
export function EnterpriseForm({ enterprise }: { enterprise: EnterpriseFields }) {
  const { t } = useTranslation();
  const set = (patch: Partial<EnterpriseFields>) => patchDraft((d) => ({ enterprise: { ...d.enterprise, ...patch } }));
  const uscc = usccVerdict(t, enterprise.uscc);
  const lrId = idNumberVerdict(t, enterprise.lrIdNumber);
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('applicant.enterpriseName')} htmlFor="ent-name">
        <Input id="ent-name" value={enterprise.name} maxLength={120} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
      </Form.Item>
      <CheckedField id="ent-uscc" testId="uscc-input" label={t('applicant.uscc')} value={enterprise.uscc} maxLength={18} onChange={(v) => set({ uscc: v })} problem={uscc.problem} okText={uscc.ok} />
      <Form.Item label={t('applicant.lrName')} htmlFor="ent-lr-name">
        <Input id="ent-lr-name" value={enterprise.lrName} maxLength={60} autoComplete="off" onChange={(e) => set({ lrName: e.target.value })} />
      </Form.Item>
      <CheckedField id="ent-lr-id" label={t('applicant.lrIdNumber')} value={enterprise.lrIdNumber} maxLength={40} onChange={(v) => set({ lrIdNumber: v })} problem={lrId.problem} okText={lrId.ok} />
      <Form.Item label={t('applicant.phone')} htmlFor="ent-phone">
        <Input id="ent-phone" value={enterprise.phone} maxLength={30} autoComplete="off" onChange={(e) => set({ phone: e.target.value })} />
      </Form.Item>
    </Form>
  );
}
