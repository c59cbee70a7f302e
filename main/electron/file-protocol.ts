import { protocol, type CustomScheme } from 'electron';
import { FILE_SCHEME } from '../../common/bridge';
import type { App } from '../app/app';

/** Registered before `ready` (with the renderer's): the file-ticket scheme may be fetched and framed (the PDF viewer) but is not a secure origin of its own. */
export const FILE_SCHEME_PRIVILEGES: CustomScheme = { scheme: FILE_SCHEME, privileges: { supportFetchAPI: true, stream: true } };

/**
 * Serves file tickets (materials.openFile / openPage) at `yichuang-file://file/<ticket>`: the same
 * reader the loopback host's /files/ route uses. The ticket is the capability; it expires.
 */
export function serveFileScheme(yc: App): void {
  protocol.handle(FILE_SCHEME, async (request) => {
    const ticket = decodeURIComponent(new URL(request.url).pathname.replace(/^\//, ''));
    const file = await yc.services.materials.readTicket(ticket);
    if (!file) return new Response('文件链接已失效，请重新打开。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: { 'content-type': file.mime, 'cache-control': 'no-store', 'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}` },
    });
  });
}
