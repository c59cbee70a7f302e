import { configModule } from '../config/module';
import { authModule } from '../auth/module';
import { retentionModule } from '../retention/module';
import { cryptoModule } from '../crypto/module';
import { backupModule } from '../db/backup';
import { dbModule } from '../db/module';
import { opsModule } from '../ops/module';
import { devicesModule } from '../devices/module';
import { scanningModule } from '../scanning/module';
import { intakeModule } from '../intake/module';
import { syncModule } from '../sync/module';
import { applicantScreenModule } from '../applicant-screen/module';
import type { Services } from './services';

/**
 * A subsystem of the app: `start` builds its service onto `services` (and pushes its closer),
 * `handlers` returns its API handlers. Modules start in list order, so put a module after the ones
 * it uses.
 */
export interface AppModule {
  name: string;
  start(services: Services): Promise<void> | void;
}

/** The app's modules, in start order. */
export const modules: AppModule[] = [configModule, dbModule, backupModule, opsModule, cryptoModule, authModule, intakeModule, retentionModule, devicesModule, scanningModule, applicantScreenModule, syncModule];
