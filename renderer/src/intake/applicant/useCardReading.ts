import { App } from 'antd';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { useEvent } from '../../api/useEvent';
import { asApiError } from '../../api/useCall';
import { errorText } from '../../shared/errorText';
import { draftStore, patchDraft } from '../draftStore';

/**
 * Card reads fill the applicant (masked, with a token for the intake methods) — or the agent, while
 * the 代办人 toggle is on and the agent has no card yet. `readNow` (F2) places the next demo card in
 * training mode; with a real reader the card is read as soon as it is laid on it.
 */
export function useCardReading(mode: 'normal' | 'demo', onRead?: (cardToken: string) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const demoIndex = useRef(0);
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
    onRead?.(a.cardToken);
  });
  const readNow = useCallback(async () => {
    if (mode !== 'demo') {
      void message.info(t('applicant.placeCard'));
      return;
    }
    try {
      // Lift the previous card first: the reader reports once per placement.
      const { available } = await call('devices.simulatePlaceCard', { card: null });
      if (!available.length) throw new Error(t('applicant.noDemoCards'));
      // Ordinary resident cards first: they are what most applicants bring.
      const ordered = [...available].sort((a, b) => Number(b.startsWith('resident')) - Number(a.startsWith('resident')) || a.localeCompare(b));
      const card = ordered[demoIndex.current++ % ordered.length]!;
      void message.loading({ content: t('applicant.reading'), key: 'card', duration: 2 });
      await call('devices.simulatePlaceCard', { card });
    } catch (err) {
      void message.error(errorText(t, asApiError(err)));
    }
  }, [mode, message, t]);
  return { readNow };
}
