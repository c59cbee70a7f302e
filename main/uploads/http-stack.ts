import http from 'node:http';
import https from 'node:https';
import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import { UPLOAD_CHECKSUM_ALGORITHM } from '../../common/sync/api';
import type { ChunkDigests } from './chunk-digests';

/** Bytes per socket write of a chunk (tus-js-client's own stack writes 16 KiB at a time, chunked). */
const WRITE_BYTES = 1024 * 1024;
/** One kept-alive connection per central: each chunk is a request on it. */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * tus-js-client's HTTP stack for one blob's upload in Node. It adds the tus checksum extension
 * (tus-js-client has none): `Upload-Checksum: sha256 <base64>` on every chunk, so the central
 * refuses a chunk damaged in transit (460) and tus-js-client re-sends it. And it sends a chunk with
 * its Content-Length in 1 MiB writes on a kept-alive connection, preparing the next chunk's digest
 * between writes.
 */
export class UploadHttpStack implements HttpStack {
  constructor(private readonly digests: ChunkDigests) {}

  createRequest(method: string, url: string): HttpRequest {
    return new UploadRequest(method, url, this.digests);
  }

  getName(): string {
    return 'yichuang-upload';
  }
}

class UploadRequest implements HttpRequest {
  private readonly headers = new Map<string, string>();
  private progress: (sent: number) => void = () => undefined;
  private request: http.ClientRequest | null = null;

  constructor(
    private readonly method: string,
    private readonly url: string,
    private readonly digests: ChunkDigests,
  ) {}

  getMethod = () => this.method;
  getURL = () => this.url;
  setHeader = (name: string, value: string) => void this.headers.set(name.toLowerCase(), value);
  getHeader = (name: string) => this.headers.get(name.toLowerCase());
  setProgressHandler = (handler: (sent: number) => void) => void (this.progress = handler);
  getUnderlyingObject = () => this.request;

  abort(): Promise<void> {
    this.request?.destroy();
    return Promise.resolve();
  }

  send(body: unknown): Promise<HttpResponse> {
    const bytes = body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : null;
    if (body != null && !bytes) return Promise.reject(new Error('上传只发送内存中的字节块。'));
    if (bytes && bytes.length > 0) {
      const offset = Number(this.getHeader('upload-offset') ?? 0);
      this.setHeader('upload-checksum', `${UPLOAD_CHECKSUM_ALGORITHM} ${this.digests.digest(offset, bytes.length)}`);
    }
    this.setHeader('content-length', String(bytes?.length ?? 0));
    const url = new URL(this.url);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, { method: this.method, headers: Object.fromEntries(this.headers), agent: agents[url.protocol as keyof typeof agents] });
      this.request = req;
      req.on('error', reject);
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve(new UploadResponse(res, Buffer.concat(parts).toString('utf8'))));
        res.on('error', reject);
      });
      if (!bytes) return void req.end();
      let sent = 0;
      const write = () => {
        while (sent < bytes.length) {
          const piece = bytes.subarray(sent, sent + WRITE_BYTES);
          sent += piece.length;
          const more = req.write(piece);
          this.progress(sent);
          this.digests.advance();
          if (!more) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
  }
}

class UploadResponse implements HttpResponse {
  constructor(
    private readonly res: http.IncomingMessage,
    private readonly body: string,
  ) {}

  getStatus = () => this.res.statusCode ?? 0;
  getHeader = (name: string) => {
    const v = this.res.headers[name.toLowerCase()];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  getBody = () => this.body;
  getUnderlyingObject = () => this.res;
}
