#!/usr/bin/env node
// `npm run bench`: the benchmarks run from sources through tsx, like the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../bench/index.ts');
