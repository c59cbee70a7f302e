import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol, type CustomScheme } from 'electron';
import { RENDERER_ORIGIN } from '../../common/bridge';
import { contentSecurityPolicy } from '../host/csp';
import { cacheControlOf, MIME } from '../host/mime';

const { protocol: schemeColon, host } = new URL(RENDERER_ORIGIN);
const SCHEME = schemeColon.slice(0, -1);

/**
 * The renderer's scheme (registered before `ready`, with the file-ticket one): standard and secure
 * like https, so relative URLs, modules and 'self' work, and with V8's code cache: Chromium keeps
 * none for file://, so every start compiled the whole bundle again.
 */
export const RENDERER_SCHEME: CustomScheme = { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } };

/** The page to load in a window (`hash`: the route, e.g. '/applicant'). */
export const rendererPage = (hash = '') => `${RENDERER_ORIGIN}/index.html${hash ? `#${hash}` : ''}`;

/** Serves the built renderer (dist/renderer) at RENDERER_ORIGIN: files inside it only, the page with its CSP. */
export function serveRendererScheme(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  const csp = contentSecurityPolicy();
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
    if (url.host !== host || !file.startsWith(root + path.sep)) return new Response('forbidden', { status: 403 });
    const body = await fs.readFile(file).catch(() => null);
    if (!body) return new Response('not found', { status: 404 });
    const ext = path.extname(file);
    const headers: Record<string, string> = { 'content-type': MIME[ext] ?? 'application/octet-stream' };
    if (ext === '.html') headers['content-security-policy'] = csp;
    const cache = cacheControlOf(root, file);
    if (cache) headers['cache-control'] = cache;
    return new Response(new Uint8Array(body), { status: 200, headers });
  });
}
