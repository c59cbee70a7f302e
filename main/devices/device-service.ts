import { AppError } from '../../common/contract/errors';
import type { CardReadEvent, DeviceStatusPayload } from '../../common/contract/devices';
import { maskIdNumber } from '../../common/domain/mask';
import type { DeviceConfig, DeviceEventMap, DeviceKindSpec, DeviceStatus, FrameRecord, PortInfo, TypedEmitter } from '../../native/devices';
import type { RatingPromptRequest } from '../../native/evaluator/evaluator';
import type { CallerAnswer, HostCommand as CallerCommand } from '../../native/queue-caller/messages';
import { decodePhoto } from '../../native/idcard/photo';
import type { Logger } from '../../platform/log/logger';
import type { DeviceBackend } from './service/backend';
import { DEMO_READER_ID, type DemoReader } from './demo-reader';

/** What the service needs from the app (kept small so the bench and tests build it without a database). */
export interface DeviceServiceDeps {
  backend: DeviceBackend;
  /** Publish a contract event (`device.status`, `card.read`) to the renderer and to main's listeners. */
  publish(name: 'device.status', payload: DeviceStatusPayload): void;
  publish(name: 'card.read', payload: CardReadEvent): void;
  /** The configured devices (from settings) and how to save a new list. */
  configured(): DeviceConfig[];
  save(devices: DeviceConfig[]): void;
  /** Demo / training mode: the simulated reader, or a promise of it while its pty starts. */
  demo: DemoReader | Promise<DemoReader> | null;
  log?: Logger;
}

/**
 * Main's face of the device layer: keeps the backend configured from settings (plus the demo reader),
 * turns its events into contract events, and serves the `devices.*` methods.
 */
export class DeviceService {
  private offs: Array<() => void> = [];
  /** Devices other modules simulate in demo mode (the demo scanner): configured, never saved to settings. */
  private readonly simulated = new Map<string, DeviceConfig>();
  private reloading: Promise<void> = Promise.resolve();
  private demoReader: DemoReader | null = null;
  private demoFailure: string | null = null;
  private stopped = false;

  constructor(private readonly d: DeviceServiceDeps) {
    if (d.demo instanceof Promise) {
      // The pty starts in the background so app start-up does not wait for it.
      d.demo.then(
        (demo) => {
          if (this.stopped) return void demo.close();
          this.demoReader = demo;
          void this.reload().catch((err: unknown) => d.log?.error({ err }, 'demo reader could not be configured'));
        },
        (err: unknown) => {
          this.demoFailure = err instanceof Error ? err.message : String(err);
          d.log?.warn({ err }, 'demo reader could not start');
        },
      );
    } else this.demoReader = d.demo;
  }

  /** The backend's events (status, card, scan, rating…), for other modules of main. */
  get events(): TypedEmitter<DeviceEventMap> {
    return this.d.backend.events;
  }

  get demo(): DemoReader | null {
    return this.demoReader;
  }

  async start(): Promise<void> {
    this.offs.push(this.d.backend.events.on('status', (s) => this.publishStatus(s)));
    this.offs.push(this.d.backend.events.on('card', (e) => void this.publishCard(e)));
    await this.reload();
    await this.d.backend.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const off of this.offs.splice(0)) off();
    await this.d.backend.stop();
    await this.demoReader?.close();
  }

  registerKind(spec: DeviceKindSpec): void {
    if (!this.d.backend.registerKind) throw new Error('设备服务在独立进程中运行：请在设备服务的类型表中登记此类设备。');
    this.d.backend.registerKind(spec);
  }

  /** Prompt a connected serial keypad, in-process or in the device service; the outcome comes as an `evaluator` event. */
  async promptEvaluator(deviceId: string, request: RatingPromptRequest): Promise<boolean> {
    return this.d.backend.promptEvaluator(deviceId, request);
  }

  async cancelEvaluatorPrompt(deviceId: string, promptId: string): Promise<boolean> {
    return this.d.backend.cancelEvaluatorPrompt(deviceId, promptId);
  }

  /** One command to a connected window caller (叫号器), in-process or in the device service. */
  async queueCallerCommand(deviceId: string, command: CallerCommand): Promise<CallerAnswer> {
    return this.d.backend.queueCallerCommand(deviceId, command);
  }

  /** Settings changed (by `devices.configure` or `settings.update`): apply them. */
  reload(): Promise<void> {
    // One configure at a time, in order: the last settings win.
    this.reloading = this.reloading.catch(() => undefined).then(() => this.d.backend.configure(this.effectiveConfig()));
    return this.reloading;
  }

  list(): DeviceStatus[] {
    return this.d.backend.list();
  }

  async discover(): Promise<{ ports: PortInfo[]; listingError: string | null }> {
    return this.d.backend.discover();
  }

  async configure(devices: DeviceConfig[]): Promise<DeviceStatus[]> {
    const ids = new Set<string>();
    for (const dev of devices) {
      if (ids.has(dev.id)) throw new AppError('INVALID_INPUT', `设备编号重复：${dev.id}`);
      if (dev.id === DEMO_READER_ID) throw new AppError('INVALID_INPUT', `设备编号 ${DEMO_READER_ID} 留给演示阅读器使用，请换一个。`);
      ids.add(dev.id);
    }
    this.d.save(devices);
    await this.reload();
    return this.list();
  }

  async reconnect(id: string): Promise<void> {
    if (!(await this.d.backend.reconnect(id))) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的设备。`);
  }

  async frames(id: string, limit?: number): Promise<FrameRecord[]> {
    const frames = await this.d.backend.frames(id, limit);
    if (!frames) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的设备。`);
    return frames;
  }

  /** Maintenance check: wait for the next card on one reader; the answer is masked. */
  async testRead(id: string, timeoutMs = 15_000): Promise<{ cardType: CardReadEvent['card']['cardType']; idNumberMasked: string; idNumberValid: boolean | null; elapsedMs: number }> {
    const status = this.list().find((s) => s.id === id);
    if (!status) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的设备。`);
    if (status.kind !== 'idcard') throw new AppError('INVALID_INPUT', `设备 ${id} 不是身份证阅读器。`);
    if (status.state !== 'connected' && status.state !== 'reading' && status.state !== 'error')
      throw new AppError('DEVICE_ERROR', `阅读器未连接（${status.reason ?? status.state}），请检查连接后重试。`);
    const started = Date.now();
    let off = () => {};
    try {
      const card = await new Promise<DeviceEventMap['card']>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new AppError('DEVICE_ERROR', `等待放卡超时（${Math.round(timeoutMs / 1000)} 秒）：请把证件平放在阅读器上再试。`)),
          timeoutMs,
        );
        off = this.d.backend.events.on('card', (e) => {
          if (e.deviceId !== id) return;
          clearTimeout(timer);
          resolve(e);
        });
      });
      return {
        cardType: card.reading.card.cardType,
        idNumberMasked: maskIdNumber(card.reading.card.idNumber),
        idNumberValid: card.reading.card.idNumberValid,
        elapsedMs: Date.now() - started,
      };
    } finally {
      off();
    }
  }

  /** Demo / training only: configure a simulated device alongside the real ones. */
  async addSimulatedDevice(device: DeviceConfig): Promise<void> {
    this.simulated.set(device.id, device);
    await this.reload();
  }

  /**
   * Resolves once device `id` is connected (true), or false after `timeoutMs`: bytes sent to a
   * simulator before its driver opened the port would be flushed by that open and lost.
   */
  whenConnected(id: string, timeoutMs: number): Promise<boolean> {
    if (this.list().some((s) => s.id === id && s.state === 'connected')) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (connected: boolean) => {
        clearTimeout(timer);
        off();
        resolve(connected);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const off = this.d.backend.events.on('status', (s) => {
        if (s.id === id && s.state === 'connected') done(true);
      });
    });
  }

  /** Demo / training only: put a demo card on the simulated reader (null lifts it). */
  simulatePlaceCard(cardId: string | null): { placed: string | null; available: string[] } {
    const demo = this.demoReader;
    if (!demo && this.demoFailure) throw new AppError('NOT_AVAILABLE', `模拟阅读器无法启动（${this.demoFailure}），请手工录入证件信息。`);
    if (!demo && this.d.demo) throw new AppError('NOT_AVAILABLE', '模拟阅读器正在启动，请稍候再试。');
    if (!demo) throw new AppError('NOT_AVAILABLE', '模拟放卡只在演示/培训模式下可用。');
    if (!demo.place(cardId)) throw new AppError('NOT_FOUND', `没有名为 ${cardId} 的演示卡片。`);
    return { placed: cardId, available: demo.cards.map((c) => c.id) };
  }

  private effectiveConfig(): DeviceConfig[] {
    const configured = this.d.configured();
    const sims = [...(this.demoReader ? [this.demoReader.device] : []), ...this.simulated.values()];
    const simIds = new Set(sims.map((c) => c.id));
    return [...configured.filter((c) => !simIds.has(c.id)), ...sims];
  }

  private publishStatus(s: DeviceStatus): void {
    try {
      this.d.publish('device.status', s);
    } catch (err) {
      this.d.log?.error({ err, device: s.id }, 'device.status does not match the contract');
    }
  }

  private async publishCard(e: DeviceEventMap['card']): Promise<void> {
    try {
      const photo = await decodePhoto(e.reading.photoWlt);
      this.d.publish('card.read', {
        deviceId: e.deviceId,
        at: e.at,
        card: e.reading.card,
        photoImage: photo.image,
        photoNote: photo.note,
        simulated: e.reading.simulated || e.deviceId === DEMO_READER_ID,
      });
    } catch (err) {
      this.d.log?.error({ err, device: e.deviceId }, 'card.read could not be published');
    }
  }
}
