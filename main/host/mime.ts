import path from 'node:path';

/** Content types of the renderer's built files, for the loopback host and Electron's renderer scheme. */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** What a browser may keep of the build's content-hashed files (assets/): for good; a new build has new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The Cache-Control of a built file under `root` (dist/renderer), or null: the page never (it names
 * the current build's files), the hashed assets for good — a browser profile kept between starts
 * loads them, and V8's code cache of them, without asking.
 */
export function cacheControlOf(root: string, file: string): string | null {
  if (path.extname(file) === '.html') return 'no-store';
  return file.startsWith(path.join(root, 'assets') + path.sep) ? IMMUTABLE : null;
}
