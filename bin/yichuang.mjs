#!/usr/bin/env node
// The `yichuang` CLI. Runs the TypeScript sources through tsx so the command always matches the
// checkout; packaged builds ship a bundled copy (dist/cli.cjs) instead.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/run.ts');
