import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { directRunner } from './direct-transactions';

/** Stands for one value while a template is built; replaced by the real value per execution. */
class Slot {
  constructor(
    readonly name: string,
    readonly read: (args: Args) => unknown,
  ) {}
}

type Args = Record<string, unknown>;
type Row = Record<string, unknown>;
type Template = { compiled: CompiledQuery; take: Array<(args: Args) => unknown> };

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * A query that kysely builds and compiles once per shape, then runs with new values: on a hot path
 * (an accept runs a dozen statements) building and compiling each query costs more CPU than
 * SQLite's own work. An argument may be a value, a row (a plain object: one value per column) or
 * an array of rows (a multi-row insert); there is one template per shape (columns, row count).
 *
 * `build` must use its arguments only as values, never branch on them: each value is replaced by a
 * placeholder while the template is built, and the template is refused if a placeholder does not
 * come out as a query parameter, or if a value is undefined when it runs (kysely would have left
 * the column out; a template cannot). The SQL is compiled by the first database it runs on: use a
 * template with one kind of database (the window's SQLite), never across dialects.
 *
 * Generic over the schema: a database owner binds it once (`queryTemplateFor<DB>()`), so callers
 * keep their table types without this file knowing any table.
 */
export function queryTemplateFor<DB>() {
  return <A extends Args, O>(build: (db: Kysely<DB>, args: A) => Compilable<O>) => queryTemplate<DB, A, O>(build);
}

/** A query template: runs with new values, or gives the compiled query (for a write batch: write-batch.ts). */
export type QueryTemplate<DB, A extends Args, O> = ((db: Kysely<DB>, args: A) => Promise<QueryResult<O>>) & {
  compile(db: Kysely<DB>, args: A): CompiledQuery<O>;
};

function queryTemplate<DB, A extends Args, O>(build: (db: Kysely<DB>, args: A) => Compilable<O>): QueryTemplate<DB, A, O> {
  const templates = new Map<string, Template>();
  const compile = (db: Kysely<DB>, args: A): CompiledQuery<O> => {
    const key = shapeOf(args);
    let t = templates.get(key);
    if (!t) {
      t = makeTemplate(db, build, args);
      templates.set(key, t);
    }
    return { ...(t.compiled as CompiledQuery<O>), parameters: t.take.map((f) => f(args)) };
  };
  const run = (db: Kysely<DB>, args: A): Promise<QueryResult<O>> => {
    try {
      const compiled = compile(db, args);
      // In a transaction of a DirectKysely, straight to its connection (direct-transactions.ts).
      const direct = directRunner(db);
      return direct ? direct(compiled) : db.executeQuery<O>(compiled);
    } catch (err) {
      return Promise.reject(err);
    }
  };
  return Object.assign(run, { compile });
}

function shapeOf(args: Args): string {
  let key = '';
  for (const name in args) {
    const v = args[name];
    if (Array.isArray(v)) key += `${name}[${v.map((r: Row) => Object.keys(r).join(',')).join(';')}]|`;
    else if (isRow(v)) key += `${name}{${Object.keys(v).join(',')}}|`;
    else key += `${name}|`;
  }
  return key;
}

function placeholdersOf(args: Args, slots: Slot[]): Args {
  const slot = (name: string, read: (a: Args) => unknown) => {
    const s = new Slot(name, read);
    slots.push(s);
    return s;
  };
  const rowOf = (row: Row, name: string, get: (a: Args) => Row) =>
    Object.fromEntries(Object.keys(row).map((c) => [c, slot(`${name}.${c}`, (a) => get(a)[c])]));
  const out: Args = {};
  for (const [name, v] of Object.entries(args)) {
    if (Array.isArray(v)) out[name] = v.map((r: Row, i) => rowOf(r, `${name}[${i}]`, (a) => (a[name] as Row[])[i]!));
    else if (isRow(v)) out[name] = rowOf(v, name, (a) => a[name] as Row);
    else out[name] = slot(name, (a) => a[name]);
  }
  return out;
}

function makeTemplate<DB, A extends Args, O>(db: Kysely<DB>, build: (db: Kysely<DB>, args: A) => Compilable<O>, args: A): Template {
  const slots: Slot[] = [];
  const compiled = build(db, placeholdersOf(args, slots) as A).compile();
  if (compiled.sql.includes('[object Object]')) throw new Error('query template: an argument was turned into SQL text');
  const used = new Set<Slot>();
  const take = compiled.parameters.map((p): ((a: Args) => unknown) => {
    if (!(p instanceof Slot)) return () => p;
    used.add(p);
    return (a) => {
      const v = p.read(a);
      if (v === undefined) throw new Error(`query template: ${p.name} is undefined`);
      return v;
    };
  });
  const unused = slots.find((s) => !used.has(s));
  if (unused) throw new Error(`query template: ${unused.name} is not used as a query value`);
  return { compiled, take };
}
