import { z } from 'zod';
import { defineMethod, NoInput, ROLES } from './define';

export const AppMode = z.enum(['normal', 'demo']);

export const appMethods = {
  'app.info': defineMethod({
    summary: 'Version, data folder, mode and transport of the running app',
    roles: ['public'],
    input: NoInput,
    output: z.object({
      name: z.string(),
      version: z.string(),
      dataDir: z.string(),
      mode: AppMode,
      transport: z.enum(['electron', 'host', 'cli', 'test']),
      platform: z.string(),
      startedAt: z.string(),
    }),
  }),
  'app.session': defineMethod({
    summary: 'Who is signed in on this window and with which roles',
    roles: ['public'],
    input: NoInput,
    output: z.object({
      staffId: z.string().nullable(),
      name: z.string().nullable(),
      roles: z.array(z.enum(ROLES)),
    }),
  }),
};

export const appEvents = {
  'app.notice': z.object({ level: z.enum(['info', 'warning', 'error']), code: z.string(), message: z.string() }),
};
