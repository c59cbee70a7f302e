import type { Subsystem } from '../../platform/subsystem';
import { openDatabase, type Database, type WriteGate } from './database';

/** Opens the window's database under the data folder; every transaction holds `writeGate` while it runs. */
export async function createDatabase(d: { dataDir: string; writeGate: WriteGate }): Promise<Subsystem<Database>> {
  const database = await openDatabase(d.dataDir, { writeGate: d.writeGate });
  return { service: database, close: () => database.close() };
}
