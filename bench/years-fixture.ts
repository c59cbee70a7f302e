// A window with years of cases, written in bulk: `npm run bench -- fixture --cases 250000 --out DIR`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type sqlite3 from 'sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { ItemSummary, MaterialSpec } from '../common/contract/catalog';
import { buildCaseNumber } from '../common/domain/case-number';
import type { CaseStatus } from '../common/domain/case-status';
import { addDays, hallDate } from '../common/domain/hall-date';
import { createApp } from '../main/app/app';
import { auditAlgorithmOf, auditHash, GENESIS, META_AUDIT_HEAD, type AuditAlgorithm } from '../main/audit/chain';
import { DB_FILE } from '../main/db/database';
import { sealApplicant, sealedApplicantPayload, type Applicant } from '../main/intake/applicant-codec';
import { demoEnterprise, demoPerson, demoRandom } from '../main/intake/demo-cases';
import { caseEntry } from '../main/intake/case-entry';
import { promisedDate } from '../main/intake/promised-date';
import { blobPath, materialsDirs } from '../main/materials/paths';
import { version } from '../package.json';

type MaterialState = 'received' | 'licence' | 'deferred' | 'supplied' | 'not_provided';

const HALL = 'HK01';
const WINDOW = 'W03';
const CLERKS = [
  { id: 'clerk01', name: '王小明' },
  { id: 'clerk02', name: '符海燕' },
  { id: 'clerk03', name: '李文昌' },
];
const STREETS = ['海口市美兰区海府路', '海口市龙华区滨海大道', '海口市秀英区长滨路', '三亚市吉阳区迎宾路', '琼海市嘉积镇银海路'];
/** Cases per transaction while generating. */
const CHUNK = 2000;
/** SQLite's default bound-variable limit is 32766: multi-row inserts stay below it. */
const MAX_VARS = 30_000;

export interface FixtureOptions {
  cases: number;
  /** The data folder to create (must not hold a database yet). */
  out: string;
  years?: number;
  seed?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface FixtureReport {
  dataDir: string;
  cases: number;
  workdays: number;
  firstDay: string;
  lastDay: string;
  ms: number;
  /** Time spent sealing applicants (the real cipher of the data folder), part of `ms`. */
  sealMs: number;
  bytes: number;
  /** A few applicants in clear, for the search benches (they are synthetic). */
  probes: Array<{ caseNumber: string; name: string; idNumber: string }>;
}

/**
 * Writes `cases` cases spread over the working days of the last `years` years into a new data
 * folder, with the rows the intake service writes: the case, its materials, history (window and
 * central), an audit chain entry per decision and rating (a valid chain), outbox rows (delivered
 * except the last day's), ratings for about half, applicants sealed with the folder's own cipher and
 * key, and for each case not rejected one material PDF (a blob row, its case link, a stand-in file
 * while the local copy is held: see writeMaterialFile). It opens the real app once (key, settings, migrations), then inserts in bulk on the same
 * connection, many cases per transaction: 250k service calls would take hours.
 */
export async function generateYearsFixture(opts: FixtureOptions): Promise<FixtureReport> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  if (fs.existsSync(path.join(opts.out, DB_FILE))) throw new Error(`${opts.out} 已有数据库，请指定一个新的文件夹。`);
  const app = await createApp({ dataDir: opts.out, mode: 'normal', transport: 'test' });
  try {
    const s = app.services;
    const raw = s.database.raw;
    const r = demoRandom(opts.seed ?? 20261202);
    const now = opts.now ?? new Date();
    const cal = s.calendar.calendar;
    const days: string[] = [];
    const today = hallDate(now);
    for (let d = addDays(today, -Math.round((opts.years ?? 5) * 365)); d <= today; d = addDays(d, 1)) if (cal.isWorkday(d)) days.push(d);
    const items: ItemSummary[] = s.catalog.search('', 10_000).items;
    const specs = new Map<string, MaterialSpec[]>();
    for (const it of items) specs.set(it.code, await s.catalog.materials(it.code));
    const alg: AuditAlgorithm = await auditAlgorithmOf(s.database.db);
    let prevHash = (await s.database.db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst())?.hash ?? GENESIS;
    let auditSeq = Number((await s.database.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst())?.m ?? 0);

    const blobsDir = materialsDirs(opts.out).blobs;
    await exec(raw, 'pragma synchronous = off');
    const writer = new BulkWriter(raw);
    const probes: FixtureReport['probes'] = [];
    let sealMs = 0;
    let made = 0;
    const perDay = opts.cases / days.length;
    await exec(raw, 'begin');
    for (let di = 0; di < days.length && made < opts.cases; di++) {
      const day = days[di]!;
      const isLastDay = di === days.length - 1;
      const wanted = isLastDay ? opts.cases - made : Math.min(opts.cases - made, Math.round(perDay * (0.7 + 0.6 * r()) + (made < ((di + 1) * opts.cases) / days.length - perDay ? 1 : 0)));
      const dayStart = Date.parse(`${day}T08:30:00+08:00`);
      const times = Array.from({ length: wanted }, () => dayStart + Math.floor(r() * 8.5 * 3600_000)).sort((a, b) => a - b);
      for (let k = 0; k < wanted; k++) {
        const at = new Date(times[k]!);
        const atIso = at.toISOString();
        const recent = now.getTime() - at.getTime() < 30 * 86_400_000;
        const item = items[Math.floor(r() * items.length)]!;
        const itemSpecs = specs.get(item.code)!;
        const input = item.servedParties.includes('1') && (r() < 0.85 || item.servedParties.length === 1) ? demoPerson(r) : demoEnterprise(r);
        const address = `${STREETS[Math.floor(r() * STREETS.length)]}${1 + Math.floor(r() * 300)}号`;
        const applicant = (input.kind === 'person'
          ? { kind: 'person', idType: 'resident', idNumber: input.idNumber!, name: input.name!, phone: input.phone ?? null, address }
          : { kind: 'enterprise', name: input.name, uscc: input.uscc, legalRepresentative: input.legalRepresentative, phone: `0898${Math.floor(60000000 + r() * 9999999)}`, address }) as Applicant;
        const t0 = performance.now();
        const sealed = sealApplicant(s.pii, applicant);
        const applicantSealed = sealedApplicantPayload(s.pii, applicant);
        sealMs += performance.now() - t0;
        const roll = r();
        const decision = roll < 0.05 ? 'reject' : roll < 0.25 && itemSpecs.some((m) => m.required && m.deferrable) ? 'deferred' : 'accept';
        const status: CaseStatus = decision === 'reject' ? 'rejected' : decision === 'deferred' && recent ? 'accepted_deferred' : 'accepted';
        const clerk = CLERKS[Math.floor(r() * CLERKS.length)]!;
        const id = uuidv7({ msecs: at.getTime() });
        const caseNumber = buildCaseNumber(HALL, WINDOW, day.replaceAll('-', ''), k + 1);
        const promised = decision === 'reject' ? null : promisedDate(cal, at, item.promisedLimit);
        const deadline = decision === 'deferred' ? cal.addWorkdays(day, 5) : null;
        const decidedIso = new Date(at.getTime() + (3 + Math.floor(r() * 12)) * 60_000).toISOString();
        const completed = !recent && decision !== 'reject';
        const row = {
          id,
          case_number: caseNumber,
          central_number: completed || !isLastDay ? `46${day.replaceAll('-', '')}${String(made).padStart(8, '0')}` : null,
          status,
          central_status: completed ? (r() < 0.97 ? 'completed_approved' : 'completed_not_approved') : decision === 'reject' || isLastDay ? null : 'in_progress',
          item_code: item.code,
          item_name: item.name,
          promised_limit_value: item.promisedLimit.value,
          promised_limit_unit: item.promisedLimit.unit,
          bundle_id: null,
          bundle_group_id: null,
          hall_code: HALL,
          window_code: WINDOW,
          clerk_id: clerk.id,
          clerk_name: clerk.name,
          ...sealed,
          credit_check: 'not_checked' as const,
          created_at: atIso,
          updated_at: decidedIso,
          accepted_at: promised ? decidedIso : null,
          decided_at: decidedIso,
          promised_date: promised?.date ?? null,
          promised_provisional: promised?.provisional ? 1 : 0,
          reject_reason: decision === 'reject' ? '申请材料不齐全，且缺少的材料不属于可容缺材料。已一次性告知所需材料。' : null,
          withdraw_reason: null,
          commitment_note: decision === 'deferred' ? '申请人承诺在期限内补齐容缺材料。' : null,
          note: null,
          catalog_version: s.catalog.catalogVersion,
          signature_sha256: null,
          signature_state: null,
          appointment_id: null,
          ticket_id: null,
        };
        const materials = itemSpecs
          .filter((m) => m.required || r() < 0.3)
          .map((m, sort) => {
            const defer = decision === 'deferred' && m.required && m.deferrable;
            return {
              case_id: id,
              code: m.code,
              name: m.name,
              required: m.required ? 1 : 0,
              state: (defer ? (recent ? 'deferred' : 'supplied') : decision === 'reject' && sort === 0 ? 'not_provided' : 'received') as MaterialState,
              originals: 1,
              copies: 1,
              licence_id: null,
              deadline: defer ? deadline!.date : null,
              deadline_provisional: defer && deadline!.provisional ? 1 : 0,
              commitment_note: defer ? row.commitment_note : null,
              supplied_at: defer && !recent ? addDays(day, 2) + 'T02:00:00.000Z' : null,
              sort,
            };
          });
        writer.add('intake_case', row);
        for (const m of materials) writer.add('case_material', m);
        if (decision !== 'reject') writeMaterialFile({ caseId: id, materialCode: materials[0]!.code, at, decidedIso, clerk: clerk.id, uploaded: !isLastDay, completed, now }, r, writer, blobsDir);
        writer.add('case_history', { case_id: id, at: decidedIso, source: 'window', status: decision === 'deferred' ? 'accepted_deferred' : status, detail: row.reject_reason });
        if (row.central_status)
          writer.add('case_history', { case_id: id, at: new Date(at.getTime() + 86_400_000).toISOString(), source: 'central', status: row.central_status, detail: JSON.stringify({ centralCaseNumber: row.central_number }) });
        const audit = (actor: string, action: string, subject: string, detail: unknown, atAudit: string) => {
          const entry = { at: atAudit, actor, action, subject, detail: JSON.stringify(detail) };
          const hash = auditHash(alg, prevHash, entry);
          writer.add('audit_log', { seq: ++auditSeq, ...entry, algorithm: alg, prev_hash: prevHash, hash });
          prevHash = hash;
        };
        const counts: Record<string, number> = {};
        for (const m of materials) counts[m.state] = (counts[m.state] ?? 0) + 1;
        audit(clerk.id, `case.${decision === 'deferred' ? 'acceptWithDeferred' : decision}`, id, { caseNumber, itemCode: item.code, materials: counts }, decidedIso);
        const delivered = !isLastDay;
        const outbox = (kind: string, payload: unknown, outboxId = uuidv7({ msecs: at.getTime() })) =>
          writer.add('outbox', {
            id: outboxId,
            kind,
            aggregate_id: id,
            payload: JSON.stringify(payload),
            created_at: decidedIso,
            state: delivered ? 'done' : 'pending',
            attempts: delivered ? 1 : 0,
            last_error: null,
            parked_reason: null,
            done_at: delivered ? new Date(at.getTime() + 20 * 60_000).toISOString() : null,
            central_result: delivered ? JSON.stringify({ at: decidedIso, localAt: decidedIso }) : null,
          });
        const entry = caseEntry(decision === 'deferred' ? 'case.acceptedWithDeferred' : decision === 'accept' ? 'case.accepted' : 'case.rejected', row, materials, applicantSealed);
        outbox(entry.kind, entry.payload);
        if (r() < 0.5) {
          const u = r();
          const level = u < 0.6 ? 1 : u < 0.85 ? 2 : u < 0.93 ? 3 : u < 0.97 ? 4 : 5;
          const ratingId = uuidv7({ msecs: at.getTime() });
          const channel = ['evaluator', 'screen', 'qr'][Math.floor(r() * 3)]!;
          const reasons = level >= 4 ? ['等候时间长'] : [];
          writer.add('rating', { id: ratingId, case_id: id, level, reasons: JSON.stringify(reasons), text: null, channel, at: decidedIso, clerk_id: clerk.id });
          audit(clerk.id, 'rating.create', id, { ratingId, level, channel }, decidedIso);
          outbox('rating.created', { id: ratingId, caseId: id, caseNumber, level, reasons, text: null, channel, at: decidedIso }, ratingId);
          if (level >= 4) writeRectification({ ratingId, caseId: id, at, recent, clerk: clerk.id }, audit, outbox, writer);
        }
        if (probes.length < 64 && made % Math.ceil(opts.cases / 48) === 0 && applicant.kind === 'person')
          probes.push({ caseNumber, name: applicant.name, idNumber: applicant.idNumber });
        made++;
        if (made % CHUNK === 0) {
          await writer.flush();
          await exec(raw, 'commit');
          await exec(raw, 'begin');
          if (made % (CHUNK * 25) === 0) log(`  ${made} / ${opts.cases} cases (${Math.round((performance.now() - started) / 1000)} s)`);
        }
      }
      if (wanted > 0) writer.add('case_sequence', { hall_code: HALL, window_code: WINDOW, day: day.replaceAll('-', ''), last_seq: wanted });
    }
    writer.add('meta', { key: META_AUDIT_HEAD, value: `${auditSeq}:${prevHash}` }, 'replace');
    await writer.flush();
    await exec(raw, 'commit');
    await exec(raw, 'pragma synchronous = full');
    await exec(raw, 'pragma wal_checkpoint(truncate)');
    await writer.close();
    return {
      dataDir: opts.out,
      cases: made,
      workdays: days.length,
      firstDay: days[0]!,
      lastDay: today,
      ms: performance.now() - started,
      sealMs,
      bytes: fs.statSync(path.join(opts.out, DB_FILE)).size,
      probes,
    };
  } finally {
    await app.close();
  }
}

type AuditFn = (actor: string, action: string, subject: string, detail: unknown, at: string) => void;
type OutboxFn = (kind: string, payload: unknown) => void;

/** A bad rating's rectification task as ReviewsService writes it: closed unless the case is recent. */
function writeRectification(c: { ratingId: string; caseId: string; at: Date; recent: boolean; clerk: string }, audit: AuditFn, outbox: OutboxFn, writer: BulkWriter) {
  const openedAt = new Date(c.at.getTime() + 30 * 60_000).toISOString();
  const closedAt = c.recent ? null : new Date(c.at.getTime() + 3 * 86_400_000).toISOString();
  const rect = {
    id: uuidv7({ msecs: c.at.getTime() }),
    rating_id: c.ratingId,
    case_id: c.caseId,
    opened_at: openedAt,
    deadline: addDays(hallDate(c.at), 7),
    deadline_provisional: 0,
    state: closedAt ? 'closed' : 'open',
    closed_at: closedAt,
    closed_by: closedAt ? 'super01' : null,
    note: closedAt ? '已电话回访，说明情况并致歉。' : null,
    follow_up_result: closedAt ? 'satisfied' : null,
  };
  writer.add('rectification', rect);
  audit(c.clerk, 'rectification.open', rect.id, { caseId: c.caseId, deadline: rect.deadline }, openedAt);
  if (closedAt) audit('super01', 'rectification.close', rect.id, { caseId: c.caseId, followUpResult: 'satisfied' }, closedAt);
  outbox(closedAt ? 'rectification.closed' : 'rectification.opened', { id: rect.id, ratingId: c.ratingId, caseId: c.caseId, openedAt, deadline: rect.deadline, state: rect.state, closedAt, closedBy: rect.closed_by, note: rect.note, followUpResult: rect.follow_up_result });
}

/**
 * The case's scanned material as 材料电子化 leaves it: one sealed PDF (a material_blob row and its
 * case link), uploaded unless it is the last day's, its local copy deleted once the case is finished
 * and past the retention days (30), as the start-up sweep and the uploader do. A copy still held
 * gets a small stand-in file under materials/blobs (the sweeps read names, never contents).
 */
function writeMaterialFile(
  c: { caseId: string; materialCode: string; at: Date; decidedIso: string; clerk: string; uploaded: boolean; completed: boolean; now: Date },
  r: () => number,
  writer: BulkWriter,
  blobsDir: string,
) {
  const sha256 = Array.from({ length: 8 }, () => Math.floor(r() * 0x100000000).toString(16).padStart(8, '0')).join('');
  const size = 120_000 + Math.floor(r() * 400_000);
  const pages = 1 + Math.floor(r() * 4);
  const decided = Date.parse(c.decidedIso);
  const localDeleted = c.uploaded && c.completed && c.now.getTime() - decided > 31 * 86_400_000 ? new Date(decided + 31 * 86_400_000).toISOString() : null;
  writer.add('material_blob', {
    sha256,
    size,
    sealed_size: size + 44,
    pages,
    created_at: c.decidedIso,
    upload_state: c.uploaded ? 'uploaded' : 'pending',
    uploaded_at: c.uploaded ? new Date(decided + 25 * 60_000).toISOString() : null,
    local_deleted_at: localDeleted,
  });
  writer.add('case_material_file', { case_id: c.caseId, material_code: c.materialCode, sha256, pages, size, via: 'intake', linked_at: c.decidedIso, clerk_id: c.clerk });
  if (!localDeleted) {
    const file = blobPath(blobsDir, sha256);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `stand-in ${sha256}`);
  }
}

/** Rows buffered per table and written as multi-row inserts, each statement shape prepared once. */
class BulkWriter {
  private readonly rows = new Map<string, { verb: string; list: Record<string, unknown>[] }>();
  private readonly statements = new Map<string, sqlite3.Statement>();
  constructor(private readonly raw: sqlite3.Database) {}

  add(table: string, row: Record<string, unknown>, verb: 'insert' | 'replace' = 'insert'): void {
    const key = `${verb} ${table}`;
    const bucket = this.rows.get(key) ?? { verb, list: [] };
    bucket.list.push(row);
    this.rows.set(key, bucket);
  }

  /** Tables in foreign-key order: a case before its materials, ratings and history. */
  async flush(): Promise<void> {
    const order = ['intake_case', 'case_material', 'material_blob', 'case_material_file', 'case_history', 'rating', 'rectification', 'audit_log', 'outbox', 'case_sequence', 'meta'];
    const keys = [...this.rows.keys()].sort((a, b) => order.indexOf(a.split(' ')[1]!) - order.indexOf(b.split(' ')[1]!));
    for (const key of keys) {
      const { verb, list } = this.rows.get(key)!;
      const table = key.split(' ')[1]!;
      if (list.length === 0) continue;
      const cols = Object.keys(list[0]!);
      const per = Math.max(1, Math.floor(MAX_VARS / cols.length));
      for (let i = 0; i < list.length; i += per) {
        const chunk = list.slice(i, i + per);
        const sql = `${verb === 'replace' ? 'insert or replace' : 'insert'} into ${table} (${cols.join(', ')}) values ${chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`;
        let stmt = this.statements.get(sql);
        if (!stmt) this.statements.set(sql, (stmt = this.raw.prepare(sql)));
        const params = chunk.flatMap((row) => cols.map((c) => row[c] ?? null));
        await new Promise<void>((resolve, reject) => stmt!.run(params, (err) => (err ? reject(err) : resolve())));
      }
      list.length = 0;
    }
  }

  async close(): Promise<void> {
    for (const st of this.statements.values()) await new Promise((r) => st.finalize(() => r(null)));
    this.statements.clear();
  }
}

function exec(raw: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => raw.exec(sql, (err) => (err ? reject(err) : resolve())));
}

/**
 * The fixture for `cases`, generated once per app version and size under the temp folder
 * (YICHUANG_BENCH_CACHE to choose another), reused by later runs. Benches copy it before writing.
 */
export async function cachedYearsFixture(cases: number, log: (line: string) => void): Promise<{ dataDir: string; report: FixtureReport; generated: boolean }> {
  const root = process.env.YICHUANG_BENCH_CACHE ?? path.join(os.tmpdir(), 'yichuang-bench');
  const dir = path.join(root, `years-${version}-${FIXTURE_FORMAT}-${cases}`);
  const reportFile = path.join(dir, 'fixture.json');
  if (fs.existsSync(reportFile)) return { dataDir: path.join(dir, 'data'), report: JSON.parse(fs.readFileSync(reportFile, 'utf8')) as FixtureReport, generated: false };
  fs.rmSync(dir, { recursive: true, force: true });
  log(`generating ${cases} cases into ${dir} (once per version; later runs reuse it)`);
  const report = await generateYearsFixture({ cases, out: path.join(dir, 'data'), log });
  fs.writeFileSync(reportFile, JSON.stringify(report));
  return { dataDir: report.dataDir, report, generated: true };
}

/** Bump when the fixture's rows change, so cached fixtures are regenerated. */
const FIXTURE_FORMAT = 'f2';

/** `npm run bench -- fixture --cases N --out DIR [--seed N]`. */
export async function fixtureCommand(args: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const cases = Number(opt('cases') ?? 50_000);
  const out = opt('out');
  if (!out || !Number.isInteger(cases) || cases < 1) {
    console.error('用法：npm run bench -- fixture --cases <办件数> --out <新的数据文件夹> [--seed <数>]');
    process.exit(2);
  }
  const report = await generateYearsFixture({ cases, out: path.resolve(out), seed: opt('seed') ? Number(opt('seed')) : undefined, log: (l) => console.error(l) });
  const { probes, ...shown } = report;
  console.log(JSON.stringify({ ...shown, probes: probes.length, bytesPerCase: Math.round(report.bytes / report.cases) }));
}
