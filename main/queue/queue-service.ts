import type { Kysely } from 'kysely';
import { AppError } from '../../common/contract/errors';
import type { QueueView, TicketView } from '../../common/contract/queue';
import type { Settings } from '../../common/contract/settings';
import type { Logger } from '../../platform/log/logger';
import type { DB } from '../db/schema';
import type { WindowIdentity } from '../intake/window-identity';
import { QueueUnavailable, type AdapterHealth, type QueueAdapter, type TransferTarget, type WindowNow } from './adapter';
import { endServing, recordCall, recordPause, recordRecall, servingTicket, todayFigures, type TicketRow, type Who } from './ticket-store';

export interface QueueServiceDeps {
  db: Kysely<DB>;
  /** The adapter for these settings (null: no queue, walk-ins only). */
  adapterFor(settings: Settings['queue'], windowCode: string): QueueAdapter | null;
  settings: () => Settings;
  identity: () => Promise<WindowIdentity>;
  publish(view: QueueView): void;
  now?: () => Date;
  log?: Logger;
}

type Actor = { id: string };

/** What to fill in, and where, when the chosen driver lacks its setting (the renderer has its own translated copy). */
const MISSING_TEXT: Record<NonNullable<QueueView['missing']>, string> = {
  url: '已选择大厅排队系统，但还没有填写排队系统地址：请运维人员在 运维 → 设备 → 叫号 中填写（命令行：yichuang config set queue.url http://地址）。没有叫号也可以直接接待群众。',
  callerDeviceId:
    '已选择窗口叫号器，但还没有指定用哪台：请运维人员在 运维 → 设备 中添加叫号器，再在同页的“叫号”中选择它（命令行：yichuang config set queue.callerDeviceId 编号）。没有叫号也可以直接接待群众。',
};

/**
 * 叫号 at this window: the chosen driver's calls, and the local record of every ticket served (wait,
 * service time, the cases under it). The queue system being down never blocks intake: operations
 * fail with a plain reason and the clerk serves walk-ins; the bar shows why.
 */
export class QueueService {
  private adapter: QueueAdapter | null = null;
  private offChange: (() => void) | null = null;
  private configured = '';
  private lastHealth: AdapterHealth = { online: false, reason: null, paused: null, waiting: null };
  private ops: Promise<unknown> = Promise.resolve();
  private closing = false;

  constructor(private readonly d: QueueServiceDeps) {}

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  /** (Re)builds the adapter when the queue settings changed; one at a time, the latest settings win. */
  reconfigure(): Promise<void> {
    const run = this.ops.then(() => this.applySettings());
    this.ops = run.catch(() => undefined);
    return run;
  }

  private async applySettings(): Promise<void> {
    const s = this.d.settings();
    const windowCode = s.window.code || (await this.d.identity()).windowCode;
    const key = JSON.stringify([s.queue, windowCode]);
    if (key === this.configured || this.closing) return;
    this.configured = key;
    this.offChange?.();
    await this.adapter?.close();
    this.adapter = this.d.adapterFor(s.queue, windowCode);
    this.offChange = this.adapter?.onChange(() => void this.refresh()) ?? null;
    await this.refresh();
  }

  /**
   * Waits for a reconfiguration under way: closed before it, the adapter it then made (with its
   * reconnecting event socket) kept the process alive, e.g. a CLI `config set queue.driver http`.
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.ops;
    this.offChange?.();
    await this.adapter?.close();
    this.adapter = null;
  }

  /** Asks the queue system and publishes the view (`queue.state`). */
  async refresh(): Promise<QueueView> {
    this.lastHealth = this.adapter ? await this.adapter.health() : { online: false, reason: null, paused: null, waiting: null };
    return this.publish();
  }

  /**
   * After an operation: the view from its own answer when that says how the window stands (one
   * exchange on a serial line, not two); else asks the system (`refresh`).
   */
  private settled(w: WindowNow | null): Promise<QueueView> {
    if (!w) return this.refresh();
    this.lastHealth = { online: true, reason: null, paused: w.paused, waiting: w.waiting };
    return this.publish();
  }

  private async publish(): Promise<QueueView> {
    const view = await this.view();
    try {
      this.d.publish(view);
    } catch (err) {
      this.d.log?.error({ err }, 'queue.state does not match the contract');
    }
    return view;
  }

  async status(): Promise<QueueView> {
    return this.refresh();
  }

  next(actor: Actor): Promise<QueueView> {
    return this.serial(async () => {
      const a = this.need();
      const outcome = await this.guard(() => a.callNext());
      await recordCall(this.d.db, outcome.ticket, a.source, this.now(), await this.who(actor));
      return this.settled(outcome.window);
    });
  }

  recall(actor: Actor): Promise<QueueView> {
    return this.serial(async () => {
      const t = await this.current();
      const w = await this.guard(() => this.need().recall({ sourceId: t.source_id, number: t.number }));
      await recordRecall(this.d.db, t, actor.id);
      return this.settled(w);
    });
  }

  pass(actor: Actor): Promise<QueueView> {
    return this.serial(async () => {
      const t = await this.current();
      const w = await this.guard(() => this.need().pass({ sourceId: t.source_id, number: t.number }));
      const who = await this.who(actor);
      await this.d.db.transaction().execute((trx) => endServing(trx, 'passed', this.now(), who));
      return this.settled(w);
    });
  }

  transfer(to: TransferTarget, actor: Actor): Promise<QueueView> {
    return this.serial(async () => {
      const t = await this.current();
      const w = await this.guard(() => this.need().transfer({ sourceId: t.source_id, number: t.number }, to));
      const who = await this.who(actor);
      const target = 'window' in to ? `window:${to.window}` : `queue:${to.queue}`;
      await this.d.db.transaction().execute((trx) => endServing(trx, 'transferred', this.now(), who, target));
      return this.settled(w);
    });
  }

  setPaused(paused: boolean, actor: Actor): Promise<QueueView> {
    return this.serial(async () => {
      const w = await this.guard(() => this.need().setPaused(paused));
      await recordPause(this.d.db, paused, actor.id);
      return this.settled(w);
    });
  }

  async hall(): Promise<{ window: string; windows: NonNullable<Awaited<ReturnType<QueueAdapter['overview']>>>['windows']; queues: Array<{ queue: string; waiting: number }> }> {
    const a = this.need();
    const o = await this.guard(() => a.overview());
    if (!o) throw new AppError('NOT_AVAILABLE', '窗口叫号器只能看到本窗口：要看全厅各窗口的排队情况，请接入大厅排队系统（运维 → 设备 → 叫号 → 大厅排队系统）。');
    const s = this.d.settings();
    return { window: s.window.code || (await this.d.identity()).windowCode, ...o };
  }

  private async view(): Promise<QueueView> {
    const driver = this.d.settings().queue.driver;
    const t = await servingTicket(this.d.db);
    const since = new Date(this.now());
    since.setHours(0, 0, 0, 0);
    const h = this.lastHealth;
    const missing = this.missing();
    return {
      // A driver chosen but not filled in stays visible: the bar says what to fill in.
      driver: this.adapter || missing ? driver : 'none',
      missing,
      online: h.online,
      reason: missing ? MISSING_TEXT[missing] : h.reason,
      paused: h.paused,
      waiting: h.waiting,
      current: t ? await this.ticketView(t) : null,
      today: await todayFigures(this.d.db, since.toISOString()),
    };
  }

  private async ticketView(t: TicketRow): Promise<TicketView> {
    const n = await this.d.db.selectFrom('intake_case').select((eb) => eb.fn.countAll<number>().as('n')).where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
    return { id: t.id, number: t.number, queue: t.queue_code, issuedAt: t.issued_at, calledAt: t.called_at, waitSeconds: t.wait_seconds, recalls: t.recalls, caseCount: Number(n.n) };
  }

  /** The setting the chosen driver still needs; null when it has what it needs (or none is chosen). */
  private missing(): QueueView['missing'] {
    if (this.adapter) return null;
    const q = this.d.settings().queue;
    if (q.driver === 'http' && !q.url) return 'url';
    if (q.driver === 'serial' && !q.callerDeviceId) return 'callerDeviceId';
    return null;
  }

  private need(): QueueAdapter {
    if (this.adapter) return this.adapter;
    const missing = this.missing();
    throw new AppError('NOT_AVAILABLE', missing ? MISSING_TEXT[missing] : '本窗口未接入叫号：请运维人员在 运维 → 设备 → 叫号 中接入大厅排队系统或窗口叫号器（命令行：yichuang config set queue.driver http 或 serial）。没有叫号也可以直接接待群众。');
  }

  private async current(): Promise<TicketRow> {
    const t = await servingTicket(this.d.db);
    if (!t) throw new AppError('CONFLICT', '当前没有正在服务的号：请先按 F9 叫号。');
    return t;
  }

  /** A queue system that is down or refuses: a plain error, the view refreshed so the bar says so. */
  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (!(err instanceof QueueUnavailable)) throw err;
      void this.refresh().catch(() => undefined);
      throw new AppError(err.refused ? 'CONFLICT' : 'NOT_AVAILABLE', err.message);
    }
  }

  /** One queue operation at a time: two fast F9 presses call two tickets in order, never interleaved. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.ops.then(op);
    this.ops = run.catch(() => undefined);
    return run;
  }

  private async who(actor: Actor): Promise<Who> {
    const id = await this.d.identity();
    return { actorId: actor.id, hallCode: id.hallCode, windowCode: this.d.settings().window.code || id.windowCode };
  }
}
