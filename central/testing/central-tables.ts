import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCentralServer, type CentralServer } from '../http/server';
import { createTestDatabase, type TestDatabase } from './postgres';

/** A reference central on SQLite or on a fresh PostgreSQL database (tests only); close() drops it. */
export async function startTestCentral(backend: 'sqlite' | 'postgres'): Promise<CentralServer & { dispose(): Promise<void> }> {
  const pg: TestDatabase | undefined = backend === 'postgres' ? await createTestDatabase() : undefined;
  const server = await startCentralServer({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-')), databaseUrl: pg?.url, port: 0 });
  return Object.assign(server, {
    async dispose() {
      await server.close();
      await pg?.drop();
    },
  });
}

/** What the central stored of the received entries, without the times of receipt (equal runs compare equal). */
export async function storedEffects(central: CentralServer) {
  const db = central.store.db;
  const parse = <T extends { payload: string }>(rows: T[]): Array<Omit<T, 'payload'> & { payload: Record<string, unknown> }> => rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) }));
  return {
    cases: parse(await db.selectFrom('cases').select(['id', 'hall', 'window', 'case_number', 'item_code', 'payload', 'entries']).orderBy('id').execute()),
    ratings: parse(await db.selectFrom('ratings').select(['id', 'case_id', 'hall', 'window', 'level', 'payload']).orderBy('id').execute()),
    rectifications: parse(await db.selectFrom('rectifications').select(['id', 'case_id', 'hall', 'payload']).orderBy('id').execute()),
    handovers: parse(await db.selectFrom('handovers').select(['case_id', 'hall', 'window', 'method', 'payload']).orderBy('case_id').execute()),
    records: parse(await db.selectFrom('records').select(['id', 'kind', 'aggregate_id', 'payload']).orderBy('id').execute()),
    received: await db.selectFrom('received').select(['id', 'seq', 'kind', 'aggregate_id', 'created_at']).orderBy('seq').execute(),
  };
}
