// Whether the built bundles in dist/ match the sources: `yichuang` and `npm start` run the bundles,
// so an old or missing build must say so instead of running yesterday's code. The build writes
// dist/build-manifest.json (when it started, and the project sources each bundle was made from);
// checking is one small JSON read and a stat per source file (a few ms), cheap enough for every start.
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST = 'build-manifest.json';
const HINT = '（开发时可用 YICHUANG_DEV=1 或 --dev 直接运行源码）';

/** Writes the manifest: `inputs` maps a bundle's name to its source files, relative to `root`. */
export function writeManifest(root, startedAt, inputs) {
  const bundles = Object.fromEntries(Object.entries(inputs).map(([name, files]) => [name, [...new Set(files)].filter((f) => !f.includes('node_modules')).sort()]));
  fs.writeFileSync(path.join(root, 'dist', MANIFEST), JSON.stringify({ builtAt: startedAt, bundles }));
}

/** null when the named bundles are built and newer than every source they came from; else the one-line reason (Chinese). */
export function distProblem(root, names) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist', MANIFEST), 'utf8'));
  } catch {
    return `dist 不存在，请先运行 npm run build${HINT}`;
  }
  for (const name of names) {
    const files = manifest.bundles?.[name];
    if (!files) return `dist 中没有 ${name} 的构建，请先运行 npm run build${HINT}`;
    for (const file of files) {
      let mtime;
      try {
        mtime = fs.statSync(path.join(root, file)).mtimeMs;
      } catch {
        continue; // an installed copy may ship without some sources: nothing newer to run
      }
      if (mtime > manifest.builtAt) return `dist 已过期（${file} 在构建之后改过），请先运行 npm run build${HINT}`;
    }
  }
  return null;
}
