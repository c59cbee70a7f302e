import type http from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'BAD_REQUEST' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'TOO_LARGE' | 'CODE_INVALID' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'INTERNAL',
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Reads a JSON body up to `maxBytes`; beyond it the request is refused without buffering the rest. */
export async function readJson(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, 'TOO_LARGE', `请求过大（${declared} 字节，上限 ${maxBytes}）：请减小批量。`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'TOO_LARGE', `请求过大（上限 ${maxBytes} 字节）：请减小批量。`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', '请求内容不是有效的 JSON。');
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function bearer(req: http.IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) return null;
  return h.slice(7).trim() || null;
}
