import { App } from 'antd';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge';
import { asApiError } from '../api/useCall';
import { errorText } from './errorText';

/**
 * F2 in training mode: places the next demo card on the simulated reader (ordinary resident cards
 * first, then the rest, in turn per screen). With a real reader the card is read as soon as it is
 * laid on it, so F2 only says so. The read arrives as the `intake.applicant` event either way.
 */
export function useDemoCard(mode: 'normal' | 'demo') {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const demoIndex = useRef(0);
  return useCallback(async () => {
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
}
