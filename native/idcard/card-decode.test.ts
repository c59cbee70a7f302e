import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdCardIdentity } from '../../common/contract/devices';
import { BUILT_IN_LAYOUTS, loadCardLayoutsFile, parseCardLayouts } from './card-layouts';
import { decodeReadData, decodeTextBlock } from './card-decode';
import { withIdCheckChar } from '../../common/domain/id-number';
import { fixtureReadData, fixtureTextBlock, readCardFixture } from './card-fixture';
import { writeTextBlock } from './text-block';

const demo = (name: string) => readCardFixture(path.resolve(__dirname, '../../resources/demo-cards', `${name}.json`));

/** Built by hand from PROTOCOLS.md offsets, independent of the layout table. */
function handResidentBlock(): Uint8Array {
  const b = Buffer.alloc(256);
  b.fill(0);
  for (let i = 0; i < 256; i += 2) b.write(' ', i, 'utf16le');
  const put = (offset: number, s: string) => b.write(s, offset, 'utf16le');
  put(0, '张三');
  put(30, '1');
  put(32, '03');
  put(36, '19491231');
  put(52, '北京市朝阳区某某路1号');
  put(122, '11010519491231002X');
  put(158, '北京市公安局朝阳分局');
  put(188, '20100101');
  put(204, '长期');
  return new Uint8Array(b);
}

describe('card decoding', () => {
  it('decodes a resident card built from the documented offsets', () => {
    const card = decodeTextBlock(handResidentBlock(), BUILT_IN_LAYOUTS, 1024);
    expect(card).toEqual({
      cardType: 'resident',
      name: '张三',
      englishName: null,
      genderCode: '1',
      gender: '男',
      nationCode: '03',
      nation: '回',
      nationality: null,
      birthDate: '1949-12-31',
      address: '北京市朝阳区某某路1号',
      appendedAddress: null,
      idNumber: '11010519491231002X',
      authority: '北京市公安局朝阳分局',
      validFrom: '2010-01-01',
      validTo: '长期',
      passNumber: null,
      issueCount: null,
      renewalCount: null,
      oldNumberLink: null,
      idNumberValid: true,
      photo: { format: 'wlt', bytes: 1024 },
    });
    expect(IdCardIdentity.safeParse(card).success).toBe(true);
  });

  it('decodes the permit (J) and the foreigner card (I)', () => {
    const permit = decodeTextBlock(fixtureTextBlock(demo('permit')));
    expect(permit).toMatchObject({ cardType: 'permit', name: '陈志伟', passNumber: '06831275', issueCount: '01', nationCode: null, idNumberValid: true });
    const foreigner = decodeTextBlock(fixtureTextBlock(demo('foreigner')));
    expect(foreigner).toMatchObject({
      cardType: 'foreigner',
      englishName: 'MILLER, ANNA',
      name: '米安娜',
      gender: '女',
      nationality: 'CAN',
      idNumber: 'CAN460880315022',
      birthDate: '1988-03-15',
      validTo: '2031-06-01',
      idNumberValid: null,
      nation: null,
    });
  });

  it('frames a 30 01 answer by its lengths, and the fingerprint variant 30 10', () => {
    const card = demo('resident');
    const plain = decodeReadData(fixtureReadData(card, false), { fingerprint: false });
    expect(plain.ok && plain.reading.card.idNumber).toBe('460106199005180240');
    expect(plain.ok && plain.reading.photoWlt?.length).toBe(1024);
    const withFp = decodeReadData(fixtureReadData({ ...card, fingerprintBytes: 512 }, true), { fingerprint: true });
    expect(withFp.ok && withFp.reading.fingerprint?.length).toBe(512);
    expect(withFp.ok && withFp.reading.card.validTo).toBe('2035-06-01');
  });

  it('reports truncated or malformed card data instead of throwing', () => {
    const data = fixtureReadData(demo('resident'), false);
    const cut = decodeReadData(data.subarray(0, 700), { fingerprint: false });
    expect(cut).toMatchObject({ ok: false, error: { kind: 'cardData' } });
    expect(decodeReadData(new Uint8Array(2), { fingerprint: false }).ok).toBe(false);
    expect(decodeReadData(Uint8Array.of(0, 3, 0, 0, 1, 2, 3), { fingerprint: false }).ok).toBe(false);
  });

  it('reports a failed ID checksum rather than hiding it', () => {
    const card = decodeTextBlock(fixtureTextBlock({ ...demo('resident'), idNumber: '460106199005180241' }));
    expect(card.idNumberValid).toBe(false);
    expect(card.idNumber).toBe('460106199005180241');
  });

  it('takes new card types from data (e.g. a 2023 foreigner card under another letter) without code change', () => {
    const extra = parseCardLayouts({
      layouts: [
        ...BUILT_IN_LAYOUTS,
        { id: 'foreigner-2023-w', cardType: 'foreigner', letters: ['W'], idCheck: 'mod11-2', fields: { name: [0, 30, 'text'], idNumber: [122, 36, 'text'] } },
      ],
    });
    const wLayout = extra.find((l) => l.id === 'foreigner-2023-w')!;
    const block = writeTextBlock({ name: '安娜', idNumber: withIdCheckChar('93384019800101001') }, wLayout, 'W');
    const card = decodeTextBlock(block, extra);
    expect(card).toMatchObject({ cardType: 'foreigner', name: '安娜', idNumberValid: true });
    // Without the extra table the letter is unclaimed: recognised by its 2023-style number alone (foreigner-2023.ts).
    expect(decodeTextBlock(block)).toMatchObject({ cardType: 'foreigner', name: null, idNumberValid: true });
    // The same table from a file (what YICHUANG_CARD_LAYOUTS names in the app).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-layouts-')), 'layouts.json');
    fs.writeFileSync(file, JSON.stringify({ layouts: [wLayout] }));
    expect(decodeTextBlock(block, loadCardLayoutsFile(file)).idNumberValid).toBe(true);
    fs.writeFileSync(file, '{"layouts": [{"id": "bad"}]}');
    expect(() => loadCardLayoutsFile(file)).toThrow(/卡片版式表无效/);
  });
});
