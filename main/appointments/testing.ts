import type { Appointment, AppointmentInput } from '../../common/sync/api';
import { withIdCheckChar } from '../../common/domain/id-number';
import type { TestStack } from '../intake/testing';
import { AppointmentService } from './appointment-service';

/** The applicant of the appointment tests: a valid resident ID, a name that is easy to grep for. */
export const BOOKED_PERSON = { name: '预约测试人', idNumber: withIdCheckChar('46010619880808001'), phone: '13900001234' } as const;

/** One appointment as the central sends it (tests, benchmarks); the test stack's day is 2026-09-29. */
export function wireAppointment(n: number, over: Partial<Appointment> = {}): Appointment {
  return {
    cursor: n,
    id: `appt-${n}`,
    code: `YY20260929${String(n).padStart(6, '0')}`,
    hall: 'HK01',
    window: 'W03',
    name: BOOKED_PERSON.name,
    certType: '111',
    idNumber: BOOKED_PERSON.idNumber,
    phone: BOOKED_PERSON.phone,
    itemCode: 'ITEM-1',
    itemName: '测试事项',
    date: '2026-09-29',
    slotStart: '09:30',
    slotEnd: '10:30',
    status: 'booked',
    checkedInAt: null,
    checkedInWindow: null,
    ...over,
  };
}

/** The same as the admin route takes it (`POST /v1/admin/appointments`). */
export function appointmentInput(n: number, over: Partial<AppointmentInput> = {}): AppointmentInput {
  const { cursor: _c, checkedInAt: _a, checkedInWindow: _w, ...rest } = wireAppointment(n);
  return { ...rest, ...over };
}

/** The appointment service over an intake test stack (its database, cipher and clock), window HK01/W03. */
export function appointmentsOver(s: TestStack, windowCode = 'W03'): AppointmentService {
  return new AppointmentService({ db: s.db, pii: s.pii, identity: async () => ({ hallCode: 'HK01', windowCode, enrolled: true }), now: () => s.clock.now });
}
