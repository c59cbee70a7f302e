import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../domain/appointments';
import { defineMethod, text } from './define';

const IsoDate = z.iso.date();

/** One appointment as the window shows it: personal data masked, the slot against the hall clock. */
export const AppointmentView = z.object({
  id: z.string(),
  code: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  date: z.string(),
  slotStart: z.string(),
  slotEnd: z.string(),
  /** Null: any window of the hall. */
  windowCode: z.string().nullable(),
  /** True when it is booked at another window of the hall than this one. */
  otherWindow: z.boolean(),
  status: z.enum(APPOINTMENT_STATUSES),
  checkedInAt: z.string().nullable(),
  caseId: z.string().nullable(),
  name: z.string(),
  certType: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  /** Against the slot, for today's appointments not yet checked in: early / on time / late, minutes off. */
  arrival: z.object({ kind: z.enum(['early', 'on_time', 'late']), minutes: z.number().int() }).nullable(),
  /** Booked and the slot is over without a check-in (爽约), or marked so by the central. */
  noShow: z.boolean(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

const DayCounts = z.object({ total: z.number().int(), booked: z.number().int(), checkedIn: z.number().int(), noShow: z.number().int(), cancelled: z.number().int() });

export const appointmentsMethods = {
  'appointments.today': defineMethod({
    summary: "Today's appointments (hall date): a clerk sees this window's and the hall-wide ones, a supervisor the whole hall; PII masked",
    roles: ['clerk', 'supervisor'],
    input: z.object({}).strict().optional(),
    output: z.object({ date: z.string(), scope: z.enum(['window', 'hall']), windowCode: z.string(), appointments: z.array(AppointmentView), counts: DayCounts }),
  }),
  'appointments.list': defineMethod({
    summary: 'Appointments between two hall dates (default today), optionally by status; same scope rules as today',
    roles: ['clerk', 'supervisor'],
    input: z
      .object({
        from: IsoDate.optional(),
        to: IsoDate.optional(),
        status: z.array(z.enum(APPOINTMENT_STATUSES)).max(4).optional(),
        limit: z.number().int().min(1).max(2000).default(500),
      })
      .strict(),
    output: z.object({ appointments: z.array(AppointmentView), truncated: z.boolean() }),
  }),
  'appointments.forCard': defineMethod({
    summary: "Today's appointments in this hall of the person whose card was read (look-up by keyed hash of the ID number), not cancelled",
    roles: ['clerk'],
    input: z.object({ cardToken: text(80).min(1) }).strict(),
    output: z.object({ appointments: z.array(AppointmentView) }),
  }),
  'appointments.byCode': defineMethod({
    summary: 'The appointment with this 预约码 (scanned or typed), any date',
    roles: ['clerk'],
    input: z.object({ code: text(40).min(1) }).strict(),
    output: z.object({ appointment: AppointmentView.nullable() }),
  }),
  'appointments.checkIn': defineMethod({
    summary: '预约到号: marks the appointment checked in and queues appointment.checkedIn in the same transaction; a second call changes nothing',
    roles: ['clerk'],
    input: z.object({ appointmentId: text(80).min(1) }).strict(),
    output: z.object({ appointment: AppointmentView, alreadyCheckedIn: z.boolean() }),
  }),
  'appointments.pull': defineMethod({
    summary: "Pull the hall's appointment changes from the central now (also part of every sync cycle)",
    roles: ['clerk', 'supervisor', 'maintenance'],
    input: z.object({}).strict().optional(),
    output: z.object({ pulled: z.number().int(), cursor: z.number().int(), today: z.number().int() }),
  }),
};
