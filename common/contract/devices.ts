import { z } from 'zod';
import { defineMethod, NoInput, text } from './define';
import { SCAN_GAP_MS, SCAN_SUFFIXES } from './scan-framing';

export const DeviceKind = z.enum(['idcard', 'scanner', 'evaluator', 'signaturePad', 'queueCaller']);
export const DeviceState = z.enum(['connecting', 'connected', 'reading', 'error', 'disconnected']);
export const CardType = z.enum(['resident', 'permit', 'foreigner']);
export type CardType = z.infer<typeof CardType>;

/**
 * The decoded identity of one ID card: the keys of `yichuang idcard read --json` (a contract).
 * Every key is always present; keys that do not apply to the card type are null.
 */
export const IdCardIdentity = z.object({
  cardType: CardType,
  /** Chinese name (all cards; the foreigner card may leave it empty → null). */
  name: z.string().nullable(),
  /** Foreigner card only. */
  englishName: z.string().nullable(),
  genderCode: z.string().nullable(),
  gender: z.string().nullable(),
  /** Resident card only (GB 3304). */
  nationCode: z.string().nullable(),
  nation: z.string().nullable(),
  /** Foreigner card only: GB/T 2659 three-letter code. */
  nationality: z.string().nullable(),
  /** `YYYY-MM-DD`. */
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  /**
   * 追加地址: the address the police wrote to the chip after the card was issued (read with `30 03`
   * after the card, for cards that carry an address). One line per change, oldest first; the last
   * line is the current address. Null when there is none or its read failed (logged by the driver).
   * Optional only in the type, for identities made outside the decoder; the decoder always sets it.
   */
  appendedAddress: z.string().nullable().optional(),
  /** ID number; for the foreigner card its card number. */
  idNumber: z.string(),
  authority: z.string().nullable(),
  validFrom: z.string().nullable(),
  /** `YYYY-MM-DD` or `长期`. */
  validTo: z.string().nullable(),
  /** Permit only (通行证号码). */
  passNumber: z.string().nullable(),
  /** Permit only (签发次数). */
  issueCount: z.string().nullable(),
  /**
   * 2023 foreigner card only (layout from one vendor source, unconfirmed): 换证次数 and the link to
   * the holder's previous card number. Optional only in the type, as `appendedAddress`; the decoder always sets them.
   */
  renewalCount: z.string().nullable().optional(),
  oldNumberLink: z.string().nullable().optional(),
  /** MOD 11-2 checksum of the ID number; null where the card's number has no known check. A failed check is reported, never hidden. */
  idNumberValid: z.boolean().nullable(),
  photo: z.object({ format: z.literal('wlt'), bytes: z.number().int() }).nullable(),
});
export type IdCardIdentity = z.infer<typeof IdCardIdentity>;

export const DeviceStatusSchema = z.object({
  id: z.string(),
  kind: DeviceKind,
  port: z.string(),
  state: DeviceState,
  reason: z.string().nullable(),
  baud: z.number().nullable(),
  model: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  at: z.string(),
});
export type DeviceStatusPayload = z.infer<typeof DeviceStatusSchema>;

/** The scanner's suffix setting (see scan-framing.ts, which the CLI reads without zod). */
export const ScanSuffix = z.enum(SCAN_SUFFIXES);
export type ScanSuffix = z.infer<typeof ScanSuffix>;
export { SCAN_GAP_MS } from './scan-framing';

export const DeviceConfigSchema = z
  .object({
    id: text(60).regex(/^[A-Za-z0-9_.-]+$/, '设备编号只能含字母、数字、点、下划线和短横线'),
    kind: DeviceKind,
    port: text(300).min(1),
    baud: z.number().int().positive().max(4_000_000).optional(),
    model: text(120).optional(),
    scanSuffix: ScanSuffix.optional(),
    /** Window callers (叫号器): the caller's bus address, 1–254; absent → 1. */
    callerAddress: z.number().int().min(1, '叫号器地址为 1–254').max(254, '叫号器地址为 1–254').optional(),
    scanGapMs: z
      .number()
      .int('扫码间隔须为整数毫秒')
      .min(SCAN_GAP_MS.min, `扫码间隔不能小于 ${SCAN_GAP_MS.min} 毫秒（太短会把一个码切成几段）`)
      .max(SCAN_GAP_MS.max, `扫码间隔不能大于 ${SCAN_GAP_MS.max} 毫秒（太长会把相邻两次扫码连在一起）`)
      .optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.kind !== 'scanner' && (d.scanSuffix !== undefined || d.scanGapMs !== undefined))
      ctx.addIssue({ code: 'custom', path: ['scanSuffix'], message: '只有扫码枪可以设置结尾符和扫码间隔' });
  });

export const CardReadEvent = z.object({
  deviceId: z.string(),
  at: z.string(),
  card: IdCardIdentity,
  /** Photo as a data URL when a WLT decoder is installed; else null and `photoNote` says why. */
  photoImage: z.string().nullable(),
  photoNote: z.string().nullable(),
  /** True for demo / training cards from the simulator. */
  simulated: z.boolean(),
});
export type CardReadEvent = z.infer<typeof CardReadEvent>;

const FrameSchema = z.object({ dir: z.enum(['rx', 'tx']), hex: z.string(), at: z.string() });
const PortSchema = z.object({
  path: z.string(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  /** HID devices only: the interface's usage page (0x0D: a pen/digitizer interface). */
  usagePage: z.number().int().optional(),
  known: z.object({ kind: DeviceKind, model: z.string() }).nullable(),
});

const DeviceId = z.object({ id: text(60) }).strict();

export const devicesMethods = {
  // The status bar's: no port listing (it lists serial and HID ports, ~130 ms of CPU at every start).
  'devices.statuses': defineMethod({
    summary: 'Configured devices with their status (devices.list without listing the ports)',
    roles: ['clerk', 'maintenance'],
    input: NoInput,
    output: z.object({ devices: z.array(DeviceStatusSchema) }),
  }),
  'devices.list': defineMethod({
    summary: 'Configured devices with their status, and the serial ports found on this machine',
    roles: ['clerk', 'maintenance'],
    input: NoInput,
    output: z.object({
      devices: z.array(DeviceStatusSchema),
      ports: z.array(PortSchema),
      /** Chinese note when the port listing failed (e.g. no udev); configured ports are still used. */
      portListingError: z.string().nullable(),
    }),
  }),
  'devices.configure': defineMethod({
    summary: 'Replace the configured devices (id, kind, port, baud, model) and reconnect them',
    roles: ['maintenance'],
    input: z.object({ devices: z.array(DeviceConfigSchema).max(20) }).strict(),
    output: z.object({ devices: z.array(DeviceStatusSchema) }),
  }),
  'devices.reconnect': defineMethod({
    summary: 'Close and reopen one device now',
    roles: ['maintenance'],
    input: DeviceId,
    output: z.object({ ok: z.literal(true) }),
  }),
  'devices.frames': defineMethod({
    summary: 'The last frames on the wire of one device (hex, direction, time), oldest first',
    roles: ['maintenance'],
    input: z.object({ id: text(60), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({ frames: z.array(FrameSchema) }),
  }),
  'devices.testRead': defineMethod({
    summary: 'Wait for the next card on an ID card reader (maintenance check); PII is masked in the answer',
    roles: ['maintenance'],
    input: z.object({ id: text(60), timeoutMs: z.number().int().min(100).max(60_000).optional() }).strict(),
    output: z.object({ cardType: CardType, idNumberMasked: z.string(), idNumberValid: z.boolean().nullable(), elapsedMs: z.number() }),
  }),
  'devices.simulatePlaceCard': defineMethod({
    summary: 'Demo / training mode only: place a demo card on the simulated reader (or remove it)',
    roles: ['clerk', 'maintenance'],
    input: z.object({ card: text(60).nullable() }).strict(),
    output: z.object({ placed: z.string().nullable(), available: z.array(z.string()) }),
  }),
};

/** Renderer events only: `card.read` (the full identity, CardReadEvent above) stays inside main, on its internal bus. */
export const devicesEvents = {
  'device.status': DeviceStatusSchema,
};
