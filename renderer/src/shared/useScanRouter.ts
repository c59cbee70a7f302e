import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { classifyScan } from '../../../common/domain/scan-routing';
import { useEvent } from '../api/useEvent';
import { patchDraft } from '../intake/draftStore';
import { navigate, parseHash } from '../routing/useHashRoute';
import { insertIntoFocused } from './insertIntoFocused';

/**
 * One `scan` event, whatever the scanner: a case number opens that case (its result on the 出件 screen), a licence or appointment
 * code attaches to the current intake, a licence QR's credit code fills the enterprise applicant
 * (its name too when still empty), anything else goes to the focused field.
 */
export function useScanRouter(): void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEvent('scan', (scan) => {
    const kind = classifyScan(scan.text);
    switch (kind.kind) {
      case 'case':
        // On the 出件 screen the notice QR opens the case's result there; elsewhere the case itself.
        navigate(parseHash(window.location.hash)?.name === 'handover' ? 'handover' : 'cases', kind.caseNumber);
        return;
      case 'licence':
        patchDraft((d) => ({ scannedLicences: d.scannedLicences.includes(kind.licenceId) ? d.scannedLicences : [...d.scannedLicences, kind.licenceId] }));
        void message.success(t('scan.licenceAttached'));
        return;
      case 'appointment':
        patchDraft({ appointmentCode: kind.code });
        void message.success(t('scan.appointmentAttached', { code: kind.code }));
        return;
      case 'creditCode':
        patchDraft((d) => ({
          enterprise: { ...d.enterprise, uscc: kind.uscc, name: d.enterprise.name.trim() || (kind.operatorName ?? '') },
        }));
        void message.success(t('scan.creditCodeFilled', { uscc: kind.uscc }));
        return;
      case 'other':
        if (!insertIntoFocused(kind.text)) void message.info(t('scan.unrouted', { text: kind.text.slice(0, 40) }));
    }
  });
}
