// Runs a CommonJS bundle (dist/cli.cjs) with V8's code cache: parsing and compiling the 4 MB
// bundle is most of what `yichuang --help` costs and a good part of the host's start. The build
// writes the cache beside the bundle (`writeCodeCache`); `runBundle` uses it when it belongs to this
// very bundle file (size and mtime recorded in its header) and V8 accepts it (same Node version and
// flags), else compiles as usual. The cache is only an optimisation: missing or rejected, the bundle
// runs the same.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const SUFFIX = '.v8cache';

/** The bundle as a CommonJS function (a `#!` line blanked: it is only valid at the top of a script). */
export function compile(file, cachedData) {
  const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
  return new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // The bundle's own import() of ESM-only packages resolves as it would under require().
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
}

/** Which bundle file a cache was made from. */
function stamp(file) {
  const s = fs.statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

/**
 * Writes a cache of `file`: a one-line header naming the bundle file it belongs to, then V8's data.
 * The plain cache `<file>.v8cache` (a fresh compile: the top level only) serves every command; the
 * host's `<file>.host.v8cache` (`script` already run by a training host, scripts/warm-code-cache.mjs)
 * also holds every function compiled on the way to the first screen. It is 5× larger, which would
 * cost `yichuang --help` more to read than it saves.
 */
export function writeCodeCache(file, script = compile(file), kind = 'plain') {
  fs.writeFileSync(cacheFile(file, kind), Buffer.concat([Buffer.from(`${stamp(file)}\n`), script.createCachedData()]));
}

function cacheFile(file, kind) {
  return kind === 'host' ? `${file}.host${SUFFIX}` : file + SUFFIX;
}

/** The cache of exactly this bundle file, or undefined. */
function readCodeCache(file, kind) {
  let raw;
  try {
    raw = fs.readFileSync(cacheFile(file, kind));
  } catch {
    return undefined;
  }
  const nl = raw.indexOf(10);
  return nl > 0 && raw.subarray(0, nl).toString() === stamp(file) ? raw.subarray(nl + 1) : undefined;
}

/**
 * Runs the CommonJS bundle `file` as `require(file)` would, from its code cache when there is a good one
 * (`kind` 'host': the host's cache, else the plain one when the host has none).
 */
export function runBundle(file, kind = 'plain', script = compile(file, (kind === 'host' && readCodeCache(file, 'host')) || readCodeCache(file, 'plain'))) {
  const mod = new Module(file, undefined);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod.loaded = true;
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
}
