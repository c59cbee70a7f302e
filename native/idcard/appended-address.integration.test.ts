import { describe, expect, it } from 'vitest';
import type { IdCardReading } from './card';
import { IdCardReader } from './reader';
import { SimulatedReader } from './simulated-reader';
import { demoCard, readOneCard, standaloneContext } from './standalone';
import { useSimulatedReaders } from './testing';

const { sim, track } = useSimulatedReaders();

/** Every command the simulated reader received, as `CMD PARA` hex. */
function commandsOf(s: SimulatedReader): string[] {
  const seen: string[] = [];
  s.sim.events.on('command', (c) => seen.push(`${c.cmd.toString(16).padStart(2, '0')} ${c.para.toString(16).padStart(2, '0')}`));
  return seen;
}

async function readerOn(path: string) {
  const ctx = standaloneContext(path);
  const warnings: Array<{ obj: unknown; msg: string }> = [];
  const log = { info() {}, debug() {}, error() {}, warn: (obj: unknown, msg: string) => void warnings.push({ obj, msg }) };
  const reader = new IdCardReader({ ...ctx, log: log as unknown as NonNullable<typeof ctx.log> }, { pollIntervalMs: 10 });
  track(reader);
  await reader.open();
  return { ctx, reader, warnings };
}

describe('appended address (追加地址, 30 03) over a real pty', () => {
  it('reads it after the card and carries it in the identity', async () => {
    const card = demoCard('resident');
    const s = await sim({ card });
    const cmds = commandsOf(s);
    const { reading } = await readOneCard(s.path, { timeoutMs: 5000, pollIntervalMs: 10 });
    expect(card.appendedAddress).toBeTruthy();
    expect(reading.card.appendedAddress).toBe(card.appendedAddress);
    expect(reading.card.address).toBe(card.address);
    expect(cmds.slice(cmds.indexOf('30 01'))).toEqual(expect.arrayContaining(['30 03']));
    expect(cmds.filter((c) => c === '30 03')).toHaveLength(1);
  });

  it('several changes give several lines, oldest first (permit card too)', async () => {
    const s = await sim({ card: { ...demoCard('permit'), appendedAddress: ['海南省海口市美兰区白龙南路1号', '海南省海口市秀英区长滨路9号'] } });
    const { reading } = await readOneCard(s.path, { timeoutMs: 5000, pollIntervalMs: 10 });
    expect(reading.card.appendedAddress).toBe('海南省海口市美兰区白龙南路1号\n海南省海口市秀英区长滨路9号');
  });

  it('SW3 91 (no content) → null, without a warning', async () => {
    const s = await sim({ card: demoCard('resident-elder') });
    const answers: string[] = [];
    const { ctx, reader, warnings } = await readerOn(s.path);
    const { reading } = await ctx.events.once('card');
    answers.push(...ctx.frames.list().filter((f) => f.dir === 'rx').map((f) => f.hex));
    expect(reading.card.appendedAddress).toBeNull();
    expect(answers).toContain('AA AA AA 96 69 00 04 00 00 91 95');
    expect(warnings).toEqual([]);
    expect(reader.diagnostics().appendedAddressFailures).toBe(0);
  });

  it('is not asked of the foreigner card (no address on it)', async () => {
    const s = await sim({ card: { ...demoCard('foreigner'), appendedAddress: '不应读取' } });
    const cmds = commandsOf(s);
    const { reading } = await readOneCard(s.path, { timeoutMs: 5000, pollIntervalMs: 10 });
    expect(reading.card.cardType).toBe('foreigner');
    expect(reading.card.appendedAddress).toBeNull();
    expect(cmds).toContain('30 01');
    expect(cmds).not.toContain('30 03');
  });

  it('a silent reader: the optional read times out, is logged, and the card is still reported', async () => {
    const card = demoCard('resident');
    const s = await sim({ card, faults: ['addresssilence'] });
    const cmds = commandsOf(s);
    const { ctx, reader, warnings } = await readerOn(s.path);
    const { reading } = await ctx.events.once('card');
    expect(reading.card.idNumber).toBe(card.idNumber);
    expect(reading.card.appendedAddress).toBeNull();
    expect(cmds.filter((c) => c === '30 03')).toHaveLength(1); // one round trip, no retry
    expect(reader.diagnostics().appendedAddressFailures).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/appended address read failed/);
    expect(JSON.stringify(warnings)).not.toContain(card.appendedAddress);
    expect(ctx.states.some((st) => st.startsWith('error'))).toBe(false);
  });

  it('an answer that comes after the wait is not taken for a find: still one read per placement', async () => {
    // The reader answers 30 03 only when the next command (a find) arrives: the late 91 lands while that find waits.
    const s = await sim({ card: demoCard('resident-elder'), faults: ['addresslate'] });
    const { ctx } = await readerOn(s.path);
    const reads: IdCardReading[] = [];
    ctx.events.on('card', (e) => reads.push(e.reading));
    await ctx.events.once('card');
    // Poll on until well after the late 91 arrived.
    const lateAnswer = new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (ctx.frames.list().some((f) => f.dir === 'rx' && f.hex === 'AA AA AA 96 69 00 04 00 00 91 95')) {
          clearInterval(t);
          resolve();
        }
      }, 20);
    });
    await lateAnswer;
    let finds = 0;
    await new Promise<void>((resolve) => {
      const off = s.sim.events.on('command', (c) => {
        if (c.cmd === 0x20 && c.para === 0x01 && ++finds >= 10) {
          off();
          resolve();
        }
      });
    });
    expect(reads).toHaveLength(1);
  });
});
