import crypto from 'node:crypto';
import { DefaultHttpStack, type HttpRequest, type HttpStack } from 'tus-js-client';
import { UPLOAD_CHECKSUM_ALGORITHM } from '../../common/sync/api';

/**
 * tus-js-client has no checksum extension: this HTTP stack adds `Upload-Checksum: sha256 <base64>`
 * to every chunk it sends (the body is a Buffer slice for a Buffer source), so the central can
 * refuse a chunk damaged in transit (460) and tus-js-client re-sends it.
 */
export class ChecksumHttpStack implements HttpStack {
  constructor(private readonly inner: HttpStack = new DefaultHttpStack({})) {}

  createRequest(method: string, url: string): HttpRequest {
    const request = this.inner.createRequest(method, url);
    const send = request.send.bind(request);
    request.send = (body: unknown) => {
      if (body instanceof Uint8Array && body.length > 0)
        request.setHeader('Upload-Checksum', `${UPLOAD_CHECKSUM_ALGORITHM} ${crypto.createHash('sha256').update(body).digest('base64')}`);
      return send(body);
    };
    return request;
  }

  getName(): string {
    return `checksum(${this.inner.getName()})`;
  }
}
