import { describe, expect, it } from 'vitest';
import { IdCardIdentity } from '../../common/contract/devices';
import { isForeigner2023Number } from '../../common/domain/idcard-numbers';
import { decodeReadData, decodeTextBlock } from './card-decode';
import { fixtureTextBlock } from './card-fixture';
import { BUILT_IN_LAYOUTS, describeLayout, layoutFor } from './card-layouts';
import { demoCard, readOneCard } from './standalone';
import { useSimulatedReaders } from './testing';

const NUMBER = '984010199007040027';
/** 35 characters fill the first English-name field exactly; the continuation starts with the space. */
const ENGLISH_NAME = 'MONTGOMERY-WASHINGTON, ELIZABETH JO ANN';

/**
 * A 256-byte text as the vendor header places it, written field by field here (not with the
 * layout under test): offset/length in bytes, UCS-2LE, space padded.
 */
function vendorText(fields: Array<[offset: number, length: number, value: string]>): Uint8Array {
  const block = Buffer.from(' '.repeat(128), 'utf16le');
  for (const [offset, length, value] of fields) {
    const bytes = Buffer.from(value, 'utf16le');
    if (bytes.length > length) throw new Error(`test text: ${value} longer than ${length} bytes`);
    bytes.copy(block, offset);
  }
  return new Uint8Array(block);
}

const TEXT = vendorText([
  [0, 30, '蒙哥马利丽莎'],
  [30, 2, '2'],
  [32, 4, '01'],
  [36, 16, '19900704'],
  [52, 70, ENGLISH_NAME.slice(0, 35)],
  [122, 36, NUMBER],
  [188, 16, '20240115'],
  [204, 16, '20340115'],
  [220, 22, ENGLISH_NAME.slice(35)],
  [242, 6, 'USA'],
  [248, 2, 'Y'],
  [250, 6, '001'],
]);

const EXPECTED = {
  cardType: 'foreigner',
  name: '蒙哥马利丽莎',
  englishName: ENGLISH_NAME,
  genderCode: '2',
  gender: '女',
  nationCode: null,
  nation: null,
  nationality: 'USA',
  birthDate: '1990-07-04',
  address: null,
  appendedAddress: null,
  idNumber: NUMBER,
  authority: null,
  validFrom: '2024-01-15',
  validTo: '2034-01-15',
  passNumber: null,
  issueCount: null,
  renewalCount: '01',
  oldNumberLink: '001',
  idNumberValid: true,
  photo: null,
};

const { sim } = useSimulatedReaders();

describe('2023 foreigner card, type letter Y (layout from one vendor source, unconfirmed)', () => {
  it('decodes every field of the vendor layout from a 256-byte text', () => {
    expect(isForeigner2023Number(NUMBER)).toBe(true);
    const card = decodeTextBlock(TEXT);
    expect(card).toEqual(EXPECTED);
    expect(IdCardIdentity.safeParse(card).success).toBe(true);
  });

  it('joins a short English name without the padding, and one cut inside a word whole', () => {
    const short = vendorText([[52, 70, 'LI, ANNA'], [122, 36, NUMBER], [248, 2, 'Y']]);
    expect(decodeTextBlock(short).englishName).toBe('LI, ANNA');
    const cut = vendorText([[52, 70, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ, ABCDEFG'], [122, 36, NUMBER], [220, 22, 'HIJ'], [248, 2, 'Y']]);
    expect(decodeTextBlock(cut).englishName).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ, ABCDEFGHIJ');
  });

  it('the layout is marked unconfirmed, in the table, in the reading and where it is named', () => {
    const layout = layoutFor('Y');
    expect(layout).toMatchObject({ id: 'foreigner-2023', cardType: 'foreigner', idCheck: 'mod11-2', source: { confirmed: false } });
    expect(layout.source?.note).toMatch(/from one vendor source, unconfirmed/);
    expect(describeLayout(layout)).toMatch(/^foreigner-2023（未经确认：from one vendor source, unconfirmed/);
    // The documented layouts carry no such mark.
    expect(BUILT_IN_LAYOUTS.filter((l) => l.source?.confirmed === false).map((l) => l.id)).toEqual(['foreigner-2023']);
    const data = new Uint8Array([0x01, 0x00, 0x00, 0x00, ...TEXT]);
    const decoded = decodeReadData(data, { fingerprint: false });
    expect(decoded.ok && decoded.reading.layout).toEqual({ id: 'foreigner-2023', unconfirmed: true, note: layout.source?.note });
  });

  it('the demo card writes the same text the vendor header describes', () => {
    expect(Buffer.from(fixtureTextBlock(demoCard('foreigner-2023'))).equals(Buffer.from(TEXT))).toBe(true);
  });

  it('over a real pty: the simulator card decodes fully, without an appended-address read', async () => {
    const s = await sim({ card: demoCard('foreigner-2023') });
    const cmds: number[] = [];
    s.sim.events.on('command', (c) => cmds.push((c.cmd << 8) | c.para));
    const { reading } = await readOneCard(s.path, { timeoutMs: 5000, pollIntervalMs: 10 });
    expect(reading.typeLetter).toBe('Y');
    expect(reading.layout).toMatchObject({ id: 'foreigner-2023', unconfirmed: true });
    expect(reading.card).toEqual({ ...EXPECTED, photo: { format: 'wlt', bytes: 1024 } });
    expect(cmds).toContain(0x3001);
    expect(cmds).not.toContain(0x3003);
  });
});
