import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy for upload tests that damages request bodies on the way to the central: the next
 * `corruptPatches` PATCH bodies get one byte flipped. With `recomputeChecksum` it also rewrites
 * their Upload-Checksum to match (a middlebox that damages data consistently), so only the
 * central's whole-file hash can catch it. Counts what the central answered.
 */
export class CorruptingProxy {
  private server: http.Server | null = null;
  corruptPatches = 0;
  recomputeChecksum = false;
  /** Status codes the central answered to PATCHes, in order. */
  readonly patchAnswers: number[] = [];
  url = '';

  constructor(private readonly target: () => string) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body = Buffer.concat(chunks);
        const headers = { ...req.headers };
        delete headers['transfer-encoding'];
        if (req.method === 'PATCH' && body.length > 0 && this.corruptPatches > 0) {
          this.corruptPatches--;
          body = Buffer.from(body);
          const at = body.length >> 1;
          body[at] = body[at]! ^ 0x5a;
          if (this.recomputeChecksum && headers['upload-checksum']) headers['upload-checksum'] = `sha256 ${crypto.createHash('sha256').update(body).digest('base64')}`;
        }
        const upstream = http.request(new URL(req.url ?? '/', this.target()), { method: req.method, headers: { ...headers, 'content-length': String(body.length) } }, (answer) => {
          if (req.method === 'PATCH') this.patchAnswers.push(answer.statusCode ?? 0);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        upstream.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
