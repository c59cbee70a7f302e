import { describe, expect, it } from 'vitest';
import { IdCardIdentity } from '../../common/contract/devices';
import { withIdCheckChar } from '../../common/domain/id-number';
import { isForeigner2023Number } from '../../common/domain/idcard-numbers';
import { decodeTextBlock } from './card-decode';
import type { CardFixture } from './card-fixture';
import { fixtureTextBlock } from './card-fixture';
import { BUILT_IN_LAYOUTS, parseCardLayouts } from './card-layouts';
import { demoCard, readOneCard } from './standalone';
import { useSimulatedReaders } from './testing';

/** Synthetic 2023-style number: 9, then 16 digits, then the MOD 11-2 check character. */
const NUMBER_2023 = withIdCheckChar('94612419880315021');

/**
 * A synthetic card with a type letter no layout claims (`Z`: `Y` has the vendor-sourced layout,
 * foreigner-2023-layout.test.ts) and the number where the default layout has it: the number-based
 * fallback for a 2023 card under another letter.
 */
const card2023: CardFixture = { id: 'foreigner-2023-synthetic', cardType: 'resident', typeLetter: 'Z', name: '安娜', idNumber: NUMBER_2023, address: '不应读取' };

const { sim } = useSimulatedReaders();

describe('2023 foreigner permanent residence card', () => {
  it('its number: 18 characters beginning with 9 with the MOD 11-2 check (the shared checksum code)', () => {
    expect(isForeigner2023Number(NUMBER_2023)).toBe(true);
    const wrongCheck = NUMBER_2023.slice(0, 17) + (NUMBER_2023[17] === '0' ? '1' : '0');
    expect(isForeigner2023Number(wrongCheck)).toBe(false);
    expect(isForeigner2023Number('460106199005180240')).toBe(false); // a resident number (valid, not 9…)
    expect(isForeigner2023Number('CAN460880315022')).toBe(false); // the 2017 card's number
  });

  it('an unclaimed letter with a valid 2023 number → foreigner card with that number only (nothing guessed)', () => {
    const card = decodeTextBlock(fixtureTextBlock(card2023), BUILT_IN_LAYOUTS, 1024);
    expect(card).toEqual({
      cardType: 'foreigner', name: null, englishName: null, genderCode: null, gender: null, nationCode: null, nation: null,
      nationality: null, birthDate: null, address: null, appendedAddress: null, idNumber: NUMBER_2023, authority: null,
      validFrom: null, validTo: null, passNumber: null, issueCount: null, renewalCount: null, oldNumberLink: null, idNumberValid: true, photo: { format: 'wlt', bytes: 1024 },
    });
    expect(IdCardIdentity.safeParse(card).success).toBe(true);
  });

  it('otherwise the documented default stands: the resident layout, a failed check reported', () => {
    const badCheck = NUMBER_2023.slice(0, 17) + (NUMBER_2023[17] === '0' ? '1' : '0');
    expect(decodeTextBlock(fixtureTextBlock({ ...card2023, idNumber: badCheck }))).toMatchObject({ cardType: 'resident', name: '安娜', idNumberValid: false });
    // A blank letter is the resident card, whatever its number.
    expect(decodeTextBlock(fixtureTextBlock({ ...card2023, typeLetter: ' ' }))).toMatchObject({ cardType: 'resident', name: '安娜' });
    // Claimed letters keep their layouts.
    expect(decodeTextBlock(fixtureTextBlock(demoCard('permit'))).cardType).toBe('permit');
  });

  it('a layout for its letter (YICHUANG_CARD_LAYOUTS) wins over the number rule', () => {
    const layouts = parseCardLayouts({
      layouts: [{ id: 'foreigner-2023-z', cardType: 'foreigner', letters: ['Z'], idCheck: 'mod11-2', fields: { name: [0, 30, 'text'], idNumber: [122, 36, 'text'] } }, ...BUILT_IN_LAYOUTS],
    });
    expect(decodeTextBlock(fixtureTextBlock(card2023), layouts)).toMatchObject({ cardType: 'foreigner', name: '安娜', idNumber: NUMBER_2023, idNumberValid: true });
  });

  it('over a real pty: reported as a foreigner card, and no appended-address read is asked of it', async () => {
    const s = await sim({ card: card2023 });
    const cmds: number[] = [];
    s.sim.events.on('command', (c) => cmds.push((c.cmd << 8) | c.para));
    const { reading } = await readOneCard(s.path, { timeoutMs: 5000, pollIntervalMs: 10 });
    expect(reading.typeLetter).toBe('Z');
    expect(reading.card).toMatchObject({ cardType: 'foreigner', idNumber: NUMBER_2023, idNumberValid: true, address: null });
    expect(cmds).toContain(0x3001);
    expect(cmds).not.toContain(0x3003);
  });
});
