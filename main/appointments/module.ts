import type { Subsystem } from '../../platform/subsystem';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import type { SettingsStore } from '../config/settings-store';
import { windowIdentityOf } from '../intake/window-identity';
import { AppointmentService } from './appointment-service';

/** Appointment check-in (预约到号): the pulled appointments of the hall, read and checked in. */
export function createAppointments(d: { database: Database; pii: PiiCipher; settings: SettingsStore }): Subsystem<AppointmentService> {
  return { service: new AppointmentService({ db: d.database.db, pii: d.pii, identity: windowIdentityOf(d.database.db, d.settings) }), close() {} };
}
