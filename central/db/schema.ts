import type { CentralCoreTables } from './migrations/001-central-core.tables';
import type { ReceivedBlobsTables } from './migrations/003-received-blobs.tables';
import type { HandoverTables } from './migrations/006-handover.tables';

/** The central platform's schema: the tables of every migration (each migration's types live in its `NNN-name.tables.ts`). */
export interface CentralDB extends CentralCoreTables, ReceivedBlobsTables, HandoverTables {}
