import { z } from 'zod';
import { defineMethod, NoInput, text } from './define';
import { DocumentCameraSettings } from './camera';
import { DeviceConfigSchema } from './devices';

const Code = (what: string) => text(32).regex(/^[A-Za-z0-9_-]*$/, `${what}只能含字母、数字、下划线和短横线`);
const HttpUrl = text(500).regex(/^https?:\/\/[^\s]+$/, '地址必须以 http:// 或 https:// 开头');

/** Update channels: `latest` for every window, `beta` for pilot windows (staged rollout by channel). */
export const UpdateChannel = z.enum(['latest', 'beta']);
export const PiiCipherName = z.enum(['aes256gcm', 'sm4']);

/**
 * One window's settings file (`<dataDir>/settings.json`). Every field has a safe default, so a
 * missing or partial file still gives a working (if unconfigured) window.
 */
export const SettingsSchema = z.object({
  hall: z
    .object({
      code: Code('大厅编码').default(''),
      name: text(100).default(''),
      /** The hall's notice shown on the applicant screen while it is idle (办事须知, 温馨提示). */
      notice: text(500).default(''),
    })
    .prefault({}),
  window: z.object({ code: Code('窗口编码').default(''), name: text(100).default('') }).prefault({}),
  central: z.object({ url: HttpUrl.nullable().default(null) }).prefault({}),
  devices: z.array(DeviceConfigSchema).max(20).default([]),
  /**
   * 叫号: which queue driver this window uses. `http`: the hall's queue service (central/queue/PROTOCOL.md)
   * at `url`; `serial`: the window caller configured in 设备 as `callerDeviceId`; `none`: walk-ins only.
   */
  queue: z
    .object({
      driver: z.enum(['none', 'http', 'serial']).default('none'),
      url: HttpUrl.nullable().default(null),
      token: text(200).nullable().default(null),
      callerDeviceId: text(60).nullable().default(null),
    })
    .prefault({}),
  /** The document camera (高拍仪) at this window: which backend, which camera. */
  documentCamera: DocumentCameraSettings.prefault({}),
  /** Idle minutes before the screen locks. */
  lockTimeoutMinutes: z.number().int().min(1).max(120).default(5),
  /** Days synced personal data is kept before the retention sweep removes it. */
  // Issue 8: applicant PII of synced, completed cases kept 30 days by default (the case shell stays).
  retentionDays: z.number().int().min(7).max(3650).default(30),
  /** Cipher for new personal data at rest; old rows stay readable whatever is chosen. */
  piiCipher: PiiCipherName.default('aes256gcm'),
  update: z
    .object({
      channel: UpdateChannel.default('latest'),
      /** The hall-internal update server (generic provider); null = no automatic updates. */
      url: HttpUrl.nullable().default(null),
    })
    .prefault({}),
  startOnBoot: z.boolean().default(false),
});
export type Settings = z.output<typeof SettingsSchema>;

type Undefaulted<F> = F extends z.ZodDefault<infer I> ? I : F;

/**
 * A group of a change: each field optional and WITHOUT its default. (`.partial()` keeps the
 * defaults, and zod applies a default inside an optional: `{ queue: { url } }` came out with the
 * driver, token and caller reset, and the merge then overwrote them.)
 */
function groupPatch<S extends z.ZodRawShape>(group: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(group.shape).map(([k, f]) => [k, z.optional((f instanceof z.ZodDefault ? f.unwrap() : f) as z.ZodType)]));
  return z.object(shape).strict() as unknown as z.ZodObject<{ [K in keyof S]: z.ZodOptional<Undefaulted<S[K]>> }, z.core.$strict>;
}

/** A change: top-level groups; object groups merge one level (only the fields named), arrays and values replace. */
export const SettingsPatch = z
  .object({
    hall: groupPatch(SettingsSchema.shape.hall.unwrap()),
    window: groupPatch(SettingsSchema.shape.window.unwrap()),
    central: groupPatch(SettingsSchema.shape.central.unwrap()),
    devices: z.array(DeviceConfigSchema).max(20),
    queue: groupPatch(SettingsSchema.shape.queue.unwrap()),
    documentCamera: groupPatch(DocumentCameraSettings),
    lockTimeoutMinutes: z.number().int().min(1).max(120),
    retentionDays: z.number().int().min(7).max(3650),
    piiCipher: PiiCipherName,
    update: groupPatch(SettingsSchema.shape.update.unwrap()),
    startOnBoot: z.boolean(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;

export const SettingsStatus = z.object({
  file: z.string(),
  /** `file`: read from settings.json; `defaults`: no usable file, safe defaults in use. */
  source: z.enum(['file', 'defaults']),
  /** Set when the file was unreadable or invalid: what happened, where the bad copy is kept. */
  problem: z.object({ code: z.literal('config.problem'), message: z.string(), badFile: z.string().nullable(), at: z.string() }).nullable(),
});
export type SettingsStatus = z.infer<typeof SettingsStatus>;

/**
 * The settings as the app shows them. Secrets are not echoed back: `queue.token` is always null
 * here, and `secrets` says whether one is saved (a change that leaves it out keeps it).
 */
const SettingsView = z.object({ settings: SettingsSchema, status: SettingsStatus, secrets: z.object({ queueToken: z.boolean() }) });

export const settingsMethods = {
  'settings.get': defineMethod({
    summary: 'This window’s settings and whether they came from the file or from safe defaults',
    roles: ['maintenance'],
    input: NoInput,
    output: SettingsView,
  }),
  'settings.update': defineMethod({
    summary: 'Change settings (validated, written atomically, audited); returns the new settings',
    roles: ['maintenance'],
    input: z.object({ patch: SettingsPatch }).strict(),
    output: SettingsView,
  }),
  'settings.status': defineMethod({
    summary: 'Whether the settings file is healthy; a config problem is reported here until fixed',
    roles: ['clerk', 'supervisor', 'maintenance'],
    input: NoInput,
    output: SettingsStatus,
  }),
};
