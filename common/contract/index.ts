import type { z } from 'zod';
import { appEvents, appMethods } from './app';
import { applicantScreenEvents, applicantScreenMethods } from './applicant-screen';
import { appointmentsMethods } from './appointments';
import { authEvents, authMethods } from './auth';
import { calendarMethods } from './calendar';
import { cameraMethods } from './camera';
import { casesMethods } from './cases';
import { catalogMethods } from './catalog';
import { dbMethods } from './db';
import { devicesEvents, devicesMethods } from './devices';
import type { MethodSpec } from './define';
import { diagMethods } from './diag';
import { handoverMethods } from './handover';
import { intakeEvents, intakeMethods } from './intake';
import { keysMethods } from './keys';
import { queueEvents, queueMethods } from './queue';
import { materialsMethods } from './materials';
import { reviewsMethods } from './reviews';
import { scanEvents, scanMethods } from './scan';
import { settingsMethods } from './settings';
import { staffMethods } from './staff';
import { syncEvents, syncMethods } from './sync';
import { uploadsEvents, uploadsMethods } from './uploads';

/** Every API method the renderer may call. One source of truth for both transports and the UI types. */
export const methods = {
  ...appMethods,
  ...authMethods,
  ...scanMethods,
  ...settingsMethods,
  ...diagMethods,
  ...dbMethods,
  ...catalogMethods,
  ...intakeMethods,
  ...casesMethods,
  ...reviewsMethods,
  ...calendarMethods,
  ...devicesMethods,
  ...syncMethods,
  ...keysMethods,
  ...staffMethods,
  ...applicantScreenMethods,
  ...queueMethods,
  ...cameraMethods,
  ...handoverMethods,
  ...materialsMethods,
  ...uploadsMethods,
  ...appointmentsMethods,
} satisfies Record<string, MethodSpec>;

/** Every event pushed from main to the renderer. */
export const events = {
  ...appEvents,
  ...authEvents,
  ...scanEvents,
  ...intakeEvents,
  ...devicesEvents,
  ...syncEvents,
  ...applicantScreenEvents,
  ...queueEvents,
  ...uploadsEvents,
} satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export * from './define';
export * from './errors';
