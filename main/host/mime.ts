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
export const IMMUTABLE = 'public, max-age=31536000, immutable';
