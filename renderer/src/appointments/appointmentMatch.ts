import type { AppointmentView } from '../../../common/contract/appointments';
import { createStore } from '../shared/createStore';

/** Today's appointments offered after a card read or a scanned 预约码; `keepApplicant` when a card filled the applicant. */
export const appointmentMatch = createStore<{ appointments: AppointmentView[]; keepApplicant: boolean } | null>(null);
