import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEvent } from '../../api/useEvent';
import { useDemoCard } from '../../shared/useDemoCard';
import { draftStore, patchDraft } from '../draftStore';

/**
 * Card reads fill the applicant (masked, with a token for the intake methods) — or the agent, while
 * the 代办人 toggle is on and the agent has no card yet. `readNow` (F2): see useDemoCard.
 */
export function useCardReading(mode: 'normal' | 'demo', onRead?: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEvent('intake.applicant', (a) => {
    const agent = draftStore.get().agent;
    if (agent && !agent.card) {
      patchDraft({ agent: { ...agent, idNumber: '', name: '', card: { token: a.cardToken, maskedId: a.idNumber, name: a.name, certType: a.certType, simulated: a.simulated } } });
      void message.success({ content: t('agent.cardRead'), key: 'card' });
      return;
    }
    patchDraft((d) => ({
      applicantKind: 'person',
      person: {
        ...d.person,
        idType: a.idType,
        idNumber: '',
        name: '',
        card: {
          token: a.cardToken,
          maskedId: a.idNumber,
          name: a.name,
          idValid: a.idNumberValid,
          simulated: a.simulated,
          history: a.history,
          maskedAddress: a.address,
          addressUpdated: a.addressUpdated,
        },
      },
    }));
    // Same key as "reading…": the success replaces it instead of showing under it.
    void message.success({ content: t('applicant.cardRead'), key: 'card' });
    onRead?.();
  });
  const readNow = useDemoCard(mode);
  return { readNow };
}
