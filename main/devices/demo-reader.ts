import type { CardFixture } from '../../native/idcard/card-fixture';
import { SimulatedReader } from '../../native/idcard/simulated-reader';
import { demoCards } from '../../native/idcard/standalone';
import type { DeviceConfig } from '../../native/devices';

export const DEMO_READER_ID = 'idcard-demo';

/**
 * Demo / training mode: a simulated ID card reader on a real pty, driven by the production reader
 * code, so "placing" a demo card exercises the same path as a real card.
 */
export class DemoReader {
  private constructor(
    private readonly reader: SimulatedReader,
    readonly cards: CardFixture[],
  ) {}

  static async start(): Promise<DemoReader> {
    const reader = await SimulatedReader.start({ baud: 115200 });
    return new DemoReader(reader, demoCards());
  }

  get device(): DeviceConfig {
    return { id: DEMO_READER_ID, kind: 'idcard', port: this.reader.path, baud: 115200, model: '模拟阅读器（演示/培训）' };
  }

  get placed(): string | null {
    return this.reader.sim.placedCard;
  }

  /** Put a demo card on the reader (null lifts it). Returns false for an unknown card id. */
  place(cardId: string | null): boolean {
    if (cardId === null) {
      this.reader.placeCard(null);
      return true;
    }
    const card = this.cards.find((c) => c.id === cardId);
    if (!card) return false;
    // A new placement: lift the previous card first so the reader sees it as a fresh card.
    this.reader.placeCard(null);
    setTimeout(() => this.reader.placeCard(card), 120).unref();
    return true;
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}
