import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../shared/shortcuts';

/** The intake's button for the drawer, with its key. */
export function TodayAppointmentsButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" onClick={onOpen} data-testid="open-today-appointments">
      {t('appointments.today.title')} {SHORTCUTS.intake.todayAppointments}
    </Button>
  );
}
