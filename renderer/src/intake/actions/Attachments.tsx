import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntakeDraft } from '../draftStore';

/** Codes scanned during this intake: e-licences and the appointment code. */
export function Attachments({ draft }: { draft: IntakeDraft }) {
  const { t } = useTranslation();
  if (!draft.scannedLicences.length && !draft.appointmentCode) return null;
  return (
    <div data-testid="attachments">
      <Typography.Text type="secondary">{t('summary.scanned')}</Typography.Text>
      <div>
        {draft.appointmentCode && <Tag color="purple" data-testid="attached-appointment">{t('summary.appointment', { code: draft.appointmentCode })}{draft.appointment ? ` · ${draft.appointment.slotStart}–${draft.appointment.slotEnd}` : ''}</Tag>}
        {draft.scannedLicences.map((l) => (
          <Tag key={l} color="green" title={l}>
            {t('summary.licence')} …{l.slice(-12)}
          </Tag>
        ))}
      </div>
    </div>
  );
}
