// What the composition root builds after the database is open (the settings too), in one module that app.ts imports
// dynamically: evaluating these (the API contracts' zod schemas, the handlers, the device stack,
// pinyin, SM2 curves…) is most of the host's module-load time, and the host gives its address as
// soon as the database is open, so the browser loads the page while they load (main/app/app.ts).
export { APPLICANT_SCREEN_ROLE } from '../../common/contract/applicant-screen';
export { createApplicantScreen } from '../applicant-screen/module';
export { buildHandlers } from '../api/handlers';
export { createRouter } from '../api/router';
export { setAuditAlgorithm } from '../audit/algorithm';
export { createAuth } from '../auth/module';
export { createCamera } from '../camera/module';
export { createConfig } from '../config/module';
export { createPii } from '../crypto/module';
export { startBackupSchedule } from '../db/backup';
export { createDevices } from '../devices/module';
export { InternalBus } from '../events/internal-bus';
export { EventBus } from '../events/renderer-events';
export { createHandover } from '../handover/module';
export { createIntake } from '../intake/module';
export { createMaterials } from '../materials/module';
export { createUploads } from '../uploads/module';
export { blobStoreSource } from '../uploads/source';
export { createAppointments } from '../appointments/module';
export { createOps } from '../ops/module';
export { createQueue } from '../queue/module';
export { createRetention } from '../retention/module';
export { createScanning } from '../scanning/module';
export { createSync } from '../sync/module';
