import { describe, expect, it } from 'vitest';
import type { IdCardReading } from './card';
import { IdCardReader } from './reader';
import type { SimFault } from './simulator';
import { demoCard, readOneCard, standaloneContext } from './standalone';
import { useSimulatedReaders } from './testing';

const { sim, track } = useSimulatedReaders();

async function readerOn(path: string, opts: ConstructorParameters<typeof IdCardReader>[1] = {}) {
  const ctx = standaloneContext(path);
  const reader = new IdCardReader(ctx, { pollIntervalMs: 10, ...opts });
  track(reader);
  const info = await reader.open();
  return { ctx, reader, info };
}

describe('ID card reader over a real pty', () => {
  it.each(['resident', 'resident-elder', 'permit', 'foreigner'])('reads the %s demo card', async (id) => {
    const card = demoCard(id);
    const s = await sim({ card });
    const { reading, baud, samId } = await readOneCard(s.path, { timeoutMs: 5000, pollIntervalMs: 10 });
    expect(baud).toBe(115200);
    expect(samId).toMatch(/^\d\d\.\d\d-/);
    expect(reading.card.idNumber).toBe(card.idNumber);
    expect(reading.card.cardType).toBe(card.cardType);
    expect(reading.card.name).toBe(card.name);
    expect(reading.photoWlt?.length).toBe(1024);
    if (card.cardType !== 'foreigner') expect(reading.card.idNumberValid).toBe(true);
  });

  it('auto-detects 9600 baud by probing with read SAM id', async () => {
    const s = await sim({ card: demoCard('resident'), baud: 9600 });
    const { reading, baud } = await readOneCard(s.path, { timeoutMs: 8000, pollIntervalMs: 10 });
    expect(baud).toBe(9600);
    expect(reading.card.idNumber).toBe('460106199005180240');
  });

  it('reads the fingerprint variant (30 10)', async () => {
    const s = await sim({ card: { ...demoCard('resident'), fingerprintBytes: 512 } });
    const { reading } = await readOneCard(s.path, { timeoutMs: 5000, fingerprint: true, pollIntervalMs: 10 });
    expect(reading.fingerprint?.length).toBe(512);
  });

  it('reads once per placement, and again after the card was lifted', async () => {
    const s = await sim({ card: demoCard('resident') });
    const { ctx } = await readerOn(s.path);
    const reads: IdCardReading[] = [];
    ctx.events.on('card', (e) => reads.push(e.reading));
    await ctx.events.once('card');
    // Many polls with the card still on the reader: no second read.
    let finds = 0;
    await new Promise<void>((resolve) => {
      const off = s.sim.events.on('command', (c) => {
        if (c.cmd === 0x20 && c.para === 0x01 && ++finds >= 8) {
          off();
          resolve();
        }
      });
    });
    expect(reads).toHaveLength(1);
    s.placeCard(null);
    await new Promise<void>((resolve) => {
      const off = s.sim.events.on('command', (c) => c.cmd === 0x20 && (off(), resolve()));
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = ctx.events.once('card');
    s.placeCard(demoCard('permit'));
    expect((await second).reading.card.cardType).toBe('permit');
    expect(reads).toHaveLength(2);
  });

  it.each<SimFault>(['garbage', 'split', 'badchecksum', 'silence', 'late'])('survives the %s fault', async (fault) => {
    const s = await sim({ card: demoCard('resident'), faults: [fault], lateMs: 300 });
    const { reading } = await readOneCard(s.path, { timeoutMs: 10_000, pollIntervalMs: 10 });
    expect(reading.card.idNumber).toBe('460106199005180240');
  });

  it('resets the SAM after repeated failures (chip lock-up)', async () => {
    const s = await sim({ card: demoCard('resident'), faults: ['lockup'] });
    const { ctx, reader } = await readerOn(s.path, { samResetAfter: 2 });
    const { reading } = await ctx.events.once('card');
    expect(reading.card.idNumber).toBe('460106199005180240');
    expect(reader.diagnostics().samResets).toBe(1);
    expect(ctx.states.some((st) => st.startsWith('error:读卡失败'))).toBe(true);
  });

  it('reports unplug by closing, without hanging', async () => {
    const s = await sim({ card: demoCard('resident'), faults: ['unplug'] });
    const { ctx, reader } = await readerOn(s.path);
    await ctx.events.once('card');
    const reason = await reader.closed;
    expect(reason).toMatch(/断开|关闭|无应答/);
  });

  it('gives a clear error when nothing answers', async () => {
    const s = await sim({ card: null, baud: 4800 });
    await expect(readOneCard(s.path, { timeoutMs: 2000 })).rejects.toThrow(/阅读器无应答：已尝试 115200、9600/);
  });

  it('times out waiting for a card with a plain message', async () => {
    const s = await sim({ card: null });
    await expect(readOneCard(s.path, { timeoutMs: 300, pollIntervalMs: 10 })).rejects.toThrow(/等待放卡超时/);
  });
});
