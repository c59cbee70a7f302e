import type { CoreTables } from './migrations/001-core.tables';
import type { CatalogTables } from './migrations/002-catalog.tables';
import type { IntakeTables } from './migrations/003-intake.tables';
import type { ReviewTables } from './migrations/003-intake.reviews.tables';
import type { SyncTables } from './migrations/004-sync.tables';
import type { AuthTables } from './migrations/005-staff.tables';
import type { AgentTables } from './migrations/008-agents.tables';
import type { SignatureTables } from './migrations/010-signature.tables';
import type { MaterialsTables } from './migrations/011-materials.tables';
import type { UploadTables } from './migrations/012-upload-state.tables';
import type { AppointmentTables } from './migrations/014-appointments.tables';
import type { QueueTables } from './migrations/013-queue.tables';
import type { HandoverTables } from './migrations/015-handover.tables';
import type { DraftPagesTables } from './migrations/019-draft-pages.tables';
export type { AuditLogTable, CoreTables, MetaTable, OutboxTable } from './migrations/001-core.tables';

/** The whole local schema: the tables of every migration (each migration's types live in its `NNN-name.tables.ts`). */
export interface DB extends CoreTables, AuthTables, CatalogTables, IntakeTables, ReviewTables, SyncTables, AgentTables, SignatureTables, MaterialsTables, UploadTables, AppointmentTables, HandoverTables, QueueTables, DraftPagesTables {}
