import type { AppointmentView } from '../../../common/contract/appointments';
import { call } from '../bridge';
import { createStore } from '../shared/createStore';

/** Today's appointments offered after a card read or a scanned 预约码; `keepApplicant` when a card filled the applicant. */
export const appointmentMatch = createStore<{ appointments: AppointmentView[]; keepApplicant: boolean } | null>(null);

/** After a card read: offers that person's appointments of today, if there are any. */
export async function offerAppointmentsForCard(cardToken: string): Promise<void> {
  const { appointments } = await call('appointments.forCard', { cardToken });
  if (appointments.length) appointmentMatch.set({ appointments, keepApplicant: true });
}
