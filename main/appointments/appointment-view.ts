import type { Selectable } from 'kysely';
import type { AppointmentView } from '../../common/contract/appointments';
import { arrivalOf, isNoShow } from '../../common/domain/appointments';
import { maskIdNumber, maskName, maskPhone } from '../../common/domain/mask';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { AppointmentTable } from '../db/migrations/014-appointments.tables';

export type AppointmentRow = Selectable<AppointmentTable>;

/** What "now" means for a view: the hall date and minutes, and which window is asking. */
export interface ViewClock {
  today: string;
  minutes: number;
  windowCode: string;
}

/** Opens and masks one appointment row for the screen; the clear data never leaves main. */
export function viewAppointment(pii: PiiCipher, r: AppointmentRow, clock: ViewClock): AppointmentView {
  const open = r.status === 'booked' && r.date === clock.today;
  return {
    id: r.id,
    code: r.code,
    itemCode: r.item_code,
    itemName: r.item_name,
    date: r.date,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    windowCode: r.window_code,
    otherWindow: r.window_code !== null && r.window_code !== clock.windowCode,
    status: r.status,
    checkedInAt: r.checked_in_at,
    caseId: r.case_id,
    name: maskName(pii.open(r.name_sealed)),
    certType: r.cert_type,
    idNumber: maskIdNumber(pii.open(r.id_sealed)),
    phone: r.phone_sealed ? maskPhone(pii.open(r.phone_sealed)) : null,
    arrival: open ? arrivalOf({ start: r.slot_start, end: r.slot_end }, clock.minutes) : null,
    noShow: isNoShow({ status: r.status, date: r.date, slotEnd: r.slot_end }, clock.today, clock.minutes),
  };
}
