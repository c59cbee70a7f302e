import { Kysely, SqliteDialect, DummyDriver, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
const db = new Kysely<any>({ dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (d) => new SqliteIntrospector(d), createQueryCompiler: () => new SqliteQueryCompiler() } });
const orig = db.executeQuery.bind(db);
(db as any).executeQuery = async (q: any) => { console.log(q.sql, JSON.stringify(q.parameters)); return { rows: [] }; };
const { purgeExpiredPii } = await import('../main/retention/purge');
await purgeExpiredPii(db as any, { days: 30, now: new Date('2026-12-03T00:00:00Z') });
void orig;
