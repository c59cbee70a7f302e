import fs from 'node:fs';
import { z } from 'zod';
import type { KnownDevice } from '../devices';
import builtIn from './pad-models.json';
import { PAD_KEYS } from './types';

/**
 * Signature pads and how each lays out its HID input reports, as data (`pad-models.json`). A new
 * pad is a new entry in a file named by YICHUANG_SIGNATURE_PAD_MODELS, not a code change. Offsets
 * count from byte 0 of the report as node-hid delivers it (the report id byte, when the pad numbers
 * its reports).
 */

const Byte = z.number().int().min(0).max(255);
const Offset = z.number().int().min(0).max(63);
const Hex4 = z.string().regex(/^[0-9a-f]{4}$/, 'VID/PID 须为 4 位小写十六进制');

const BitSpec = z.object({ byte: Offset, bit: z.number().int().min(0).max(7) }).strict();

/** An unsigned value of 1–4 bytes; `mask` keeps its low bits (flags may share the bytes); 0..max maps to 0..1. */
const FieldSpec = z
  .object({
    offset: Offset,
    size: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    endian: z.enum(['little', 'big']),
    mask: z.number().int().positive().optional(),
    min: z.number().int().min(0).optional(),
    max: z.number().int().positive(),
    /** The pad's origin is at the other edge (y growing upwards). */
    invert: z.boolean().optional(),
  })
  .strict()
  .refine((f) => (f.min ?? 0) < f.max, '逻辑最小值须小于最大值');

/** A key is down when its bit is set, or (`value`) when its byte equals a key code. */
const KeySpec = z
  .object({ byte: Offset, bit: z.number().int().min(0).max(7).optional(), value: Byte.optional() })
  .strict()
  .refine((k) => (k.bit === undefined) !== (k.value === undefined), '按键须给出 bit 或 value 之一');

const ReportId = Byte.nullable();

const PenReportSpec = z
  .object({
    /** Null: the pad sends one unnumbered report, every report is a pen report. */
    reportId: ReportId,
    /** Shortest acceptable report (id byte included); shorter ones are dropped and counted. */
    minLength: z.number().int().min(1).max(64),
    /** Null: the pen touches when the raw pressure is above `tipPressure` (pads without a tip bit). */
    tipSwitch: BitSpec.nullable(),
    inRange: BitSpec.nullable(),
    x: FieldSpec,
    y: FieldSpec,
    /** Null: the pad senses no pressure; a touching pen counts as full pressure. */
    pressure: FieldSpec.nullable(),
    tipPressure: z.number().int().min(0).optional(),
  })
  .strict();

const ButtonReportSpec = z
  .object({
    reportId: ReportId,
    minLength: z.number().int().min(1).max(64),
    keys: z.partialRecord(z.enum(PAD_KEYS), KeySpec),
  })
  .strict();

const PadModelSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, '型号键只能含小写字母、数字、点、下划线和短横线'),
    name: z.string().min(1),
    /** Lower-case hex; `*` = any vendor (the generic layout, chosen by usage page). */
    vendorId: z.union([Hex4, z.literal('*')]),
    /** Null: any product of this vendor. */
    productId: Hex4.nullable(),
    /** HID usage page of the interface that sends pen reports (0x0D digitizer); null = any interface. */
    usagePage: z.number().int().min(0).max(0xffff).nullable(),
    /** Where the layout comes from: the generic digitizer layout, or one vendor source not checked on a device. */
    source: z.object({ kind: z.enum(['generic-hid-digitizer', 'vendor-unconfirmed']), note: z.string().min(1) }).strict(),
    pen: PenReportSpec,
    buttons: ButtonReportSpec.nullable(),
    /** Feature reports sent once after open (id byte first). */
    init: z.array(z.array(Byte).min(1)).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const pen = m.pen;
    for (const [name, f] of [['x', pen.x], ['y', pen.y], ['pressure', pen.pressure]] as const)
      if (f && f.offset + f.size > pen.minLength) ctx.addIssue({ code: 'custom', path: ['pen', name], message: `字段 ${name} 超出报告最小长度 ${pen.minLength}` });
    for (const [name, b] of [['tipSwitch', pen.tipSwitch], ['inRange', pen.inRange]] as const)
      if (b && b.byte >= pen.minLength) ctx.addIssue({ code: 'custom', path: ['pen', name], message: `${name} 位超出报告最小长度 ${pen.minLength}` });
    if (!pen.tipSwitch && !pen.pressure) ctx.addIssue({ code: 'custom', path: ['pen', 'tipSwitch'], message: '没有落笔位时须有压力字段' });
    const buttons = m.buttons;
    if (buttons) {
      for (const [key, k] of Object.entries(buttons.keys))
        if (k.byte >= buttons.minLength) ctx.addIssue({ code: 'custom', path: ['buttons', 'keys', key], message: `按键 ${key} 超出报告最小长度 ${buttons.minLength}` });
      if ((pen.reportId === null) !== (buttons.reportId === null))
        ctx.addIssue({ code: 'custom', path: ['buttons', 'reportId'], message: '笔报告与按键报告须同为编号报告或同为无编号报告' });
    }
  });

export type PadModel = z.infer<typeof PadModelSchema>;
export type PadField = z.infer<typeof FieldSpec>;
export type PadBit = z.infer<typeof BitSpec>;
export type PadKeySpec = z.infer<typeof KeySpec>;

const ModelFile = z.object({ models: z.array(PadModelSchema).min(1) });

/** Parse a model table (the built-in one or an extra file). Throws a Chinese message naming the bad entry. */
export function parsePadModels(json: unknown): PadModel[] {
  const parsed = ModelFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`签名板型号表无效（${issue?.path.join('.') ?? ''}）：${issue?.message ?? ''}`);
  }
  return parsed.data.models;
}

export const BUILT_IN_PAD_MODELS: readonly PadModel[] = parsePadModels(builtIn);

export const GENERIC_PAD_MODEL_KEY = 'generic-hid-digitizer';

/**
 * Built-in models plus those of a JSON file in the shape of `pad-models.json`: a file entry replaces
 * the built-in entry with the same key and wins the VID/PID lookup. Throws a Chinese message on an
 * unreadable or invalid file.
 */
export function loadPadModelsFile(file: string): PadModel[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`无法读取签名板型号文件 ${file}：${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const extra = parsePadModels(json);
  const keys = new Set(extra.map((m) => m.key));
  return [...extra, ...BUILT_IN_PAD_MODELS.filter((m) => !keys.has(m.key))];
}

/** The entry for a device: exact VID/PID, then vendor-wide, then the generic digitizer layout. */
export function findPadModel(vendorId: number | string, productId: number | string, models: readonly PadModel[] = BUILT_IN_PAD_MODELS): PadModel {
  const v = hex4(vendorId);
  const p = hex4(productId);
  return (
    models.find((m) => m.vendorId === v && m.productId === p) ??
    models.find((m) => m.vendorId === v && m.productId === null) ??
    models.find((m) => m.vendorId === '*') ??
    BUILT_IN_PAD_MODELS.find((m) => m.key === GENERIC_PAD_MODEL_KEY)!
  );
}

/** Pads named by exact VID/PID, as the DeviceManager labels discovered HID devices. */
export function padKnownDevices(models: readonly PadModel[] = BUILT_IN_PAD_MODELS): KnownDevice[] {
  return models.flatMap((m) =>
    m.vendorId !== '*' && m.productId !== null
      ? [{ vendorId: m.vendorId, productId: m.productId, kind: 'signaturePad' as const, model: m.name, ...(m.usagePage !== null ? { usagePage: m.usagePage } : {}) }]
      : [],
  );
}

export function hex4(id: number | string): string {
  return typeof id === 'number' ? id.toString(16).padStart(4, '0') : id.toLowerCase().padStart(4, '0');
}
