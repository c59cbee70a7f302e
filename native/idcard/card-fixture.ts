import fs from 'node:fs';
import { z } from 'zod';
import { BUILT_IN_LAYOUTS, layoutForType, type CardLayout } from './card-layouts';
import { writeTextBlock } from './text-block';

/**
 * A card for the simulator, demo mode and tests (`resources/demo-cards/*.json`): the identity in the
 * same shape `idcard read --json` prints, dates as `YYYY-MM-DD` or `长期`.
 */
export const CardFixture = z.object({
  /** Short key used by `devices.simulatePlaceCard`. */
  id: z.string().min(1).max(60),
  label: z.string().max(60).optional(),
  cardType: z.enum(['resident', 'permit', 'foreigner']),
  /** Override the type letter (e.g. to try a new layout); default from the layout. */
  typeLetter: z.string().length(1).optional(),
  name: z.string().optional(),
  englishName: z.string().optional(),
  genderCode: z.string().optional(),
  nationCode: z.string().optional(),
  nationality: z.string().optional(),
  birthDate: z.string().optional(),
  address: z.string().optional(),
  idNumber: z.string(),
  authority: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  passNumber: z.string().optional(),
  issueCount: z.string().optional(),
  renewalCount: z.string().optional(),
  oldNumberLink: z.string().optional(),
  version: z.string().optional(),
  /** 追加地址, answered to `30 03` (one 70-byte record per line, oldest first); absent → SW3 91 (no content). */
  appendedAddress: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(4)]).optional(),
  /** Fingerprint bytes for a `30 10` read: 0, 512 or 1024. */
  fingerprintBytes: z.union([z.literal(0), z.literal(512), z.literal(1024)]).optional(),
});
export type CardFixture = z.infer<typeof CardFixture>;

export function readCardFixture(file: string): CardFixture {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`无法读取卡片文件 ${file}：${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const parsed = CardFixture.safeParse(json);
  if (!parsed.success) throw new Error(`卡片文件 ${file} 格式不对：${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The 256-byte text block of a fixture: by the layout its type letter claims, else the first of its card type. */
export function fixtureTextBlock(card: CardFixture, layouts: readonly CardLayout[] = BUILT_IN_LAYOUTS): Uint8Array {
  const claimed = card.typeLetter === undefined ? undefined : layouts.find((l) => l.letters.includes(card.typeLetter!) && l.cardType === card.cardType);
  const layout = claimed ?? layoutForType(card.cardType, layouts);
  const letter = card.typeLetter ?? layout.letters[0] ?? ' ';
  return writeTextBlock(card, layout, letter);
}

/** A stand-in WLT photo: 1024 deterministic bytes (real WLT is vendor-encoded; nothing here decodes it). */
export function fixturePhoto(card: CardFixture): Uint8Array {
  const out = new Uint8Array(1024);
  let x = 0x5a;
  for (const ch of card.idNumber) x = (x * 31 + ch.charCodeAt(0)) & 0xff;
  for (let i = 0; i < out.length; i++) out[i] = x = (x * 73 + 41) & 0xff;
  out[0] = 0x57; // 'W'
  out[1] = 0x4c; // 'L'
  return out;
}

/** DATA of the `30 01` answer (or `30 10` with `fingerprint`). */
export function fixtureReadData(card: CardFixture, fingerprint: boolean): Uint8Array {
  const text = fixtureTextBlock(card);
  const photo = fixturePhoto(card);
  const fp = fingerprint ? new Uint8Array(card.fingerprintBytes ?? 1024).fill(0x46) : new Uint8Array(0);
  const header = fingerprint ? 6 : 4;
  const out = new Uint8Array(header + text.length + photo.length + fp.length);
  out[0] = text.length >> 8;
  out[1] = text.length & 0xff;
  out[2] = photo.length >> 8;
  out[3] = photo.length & 0xff;
  if (fingerprint) {
    out[4] = fp.length >> 8;
    out[5] = fp.length & 0xff;
  }
  out.set(text, header);
  out.set(photo, header + text.length);
  out.set(fp, header + text.length + photo.length);
  return out;
}
