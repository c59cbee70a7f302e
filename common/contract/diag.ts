import { z } from 'zod';
import { defineMethod, NoInput } from './define';

export const diagMethods = {
  'diag.export': defineMethod({
    summary: 'Write a redacted diagnostics zip (with the live device table and frame logs) under <data>/diagnostics/',
    roles: ['maintenance'],
    input: NoInput,
    output: z.object({ file: z.string(), entries: z.array(z.string()), bytes: z.number().int() }),
  }),
};
