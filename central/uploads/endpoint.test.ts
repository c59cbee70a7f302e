import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCentralServer, type CentralServer } from '../http/server';
import { createEnrolmentCode } from '../store/enrolment';
import { createTestDatabase, PG_SKIP_REASON, TEST_PG_URL, type TestDatabase } from '../testing/postgres';

// The tus endpoint spoken to by hand (raw HTTP), so each protocol answer is checked on its own;
// the window's uploader against a central process is main/uploads/*.test.ts.
const b64 = (s: string) => Buffer.from(s).toString('base64');
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const checksum = (b: Buffer) => `sha256 ${crypto.createHash('sha256').update(b).digest('base64')}`;

if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);

describe.each([
  { backend: 'sqlite', skip: false },
  { backend: 'postgres', skip: !TEST_PG_URL },
])('tus uploads on the central ($backend)', ({ backend, skip }) => {
  let server: CentralServer;
  let pgDatabase: TestDatabase | undefined;
  let credential = '';
  let dataDir = '';
  const it = skip ? test.skip : test;

  beforeAll(async () => {
    if (skip) return;
    if (backend === 'postgres') pgDatabase = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-up-'));
    server = await startCentralServer({ dataDir, databaseUrl: pgDatabase?.url, port: 0 });
    const { code } = await createEnrolmentCode(server.store.db, 'H01', 'W01');
    const r = await fetch(`${server.url}/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    credential = ((await r.json()) as { credential: string }).credential;
  });
  afterAll(async () => {
    await server?.close();
    await pgDatabase?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const tus = (method: string, url: string, headers: Record<string, string> = {}, body?: Buffer, token: string | null = credential) =>
    fetch(url.startsWith('http') ? url : `${server.url}${url}`, {
      method,
      headers: { 'tus-resumable': '1.0.0', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
    });
  const create = async (bytes: Buffer, meta: { sha256?: string; caseId?: string } = {}) => {
    const metadata = { sha256: meta.sha256 ?? sha256(bytes), size: String(bytes.length), caseId: meta.caseId ?? 'case-1', materialCode: 'M01' };
    const res = await tus('POST', '/v1/uploads', {
      'upload-length': String(bytes.length),
      'upload-metadata': Object.entries(metadata)
        .map(([k, v]) => `${k} ${b64(v)}`)
        .join(','),
    });
    expect(res.status).toBe(201);
    return new URL(res.headers.get('location')!, `${server.url}/v1/uploads/`).toString();
  };
  const patch = (url: string, offset: number, chunk: Buffer, sum: string | null = checksum(chunk)) =>
    tus('PATCH', url, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', ...(sum ? { 'upload-checksum': sum } : {}) }, chunk);
  const blobs = async () => {
    const r = await fetch(`${server.url}/v1/admin/blobs`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    return ((await r.json()) as { blobs: Array<{ sha256: string; size: number; uploadId: string; links: number }> }).blobs;
  };
  const confirm = async (body: Record<string, string>) => {
    const r = await fetch(`${server.url}/v1/blobs/confirm`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await r.json()) as { received?: boolean };
  };

  it('advertises the checksum extension with sha256, and asks for the window credential', async () => {
    const options = await tus('OPTIONS', '/v1/uploads', {}, undefined, null);
    expect(options.status).toBe(204);
    expect(options.headers.get('tus-extension')?.split(',')).toEqual(expect.arrayContaining(['creation', 'termination', 'checksum']));
    expect(options.headers.get('tus-checksum-algorithm')).toBe('sha256');
    expect((await tus('POST', '/v1/uploads', { 'upload-length': '3' }, undefined, null)).status).toBe(401);
    expect((await tus('POST', '/v1/uploads', { 'upload-length': '3' }, undefined, 'yc1.forged.sig')).status).toBe(401);
  });

  it('refuses a chunk whose checksum does not match (460) without moving the offset, then takes it; marks the blob received once', async () => {
    const bytes = crypto.randomBytes(300_000);
    const url = await create(bytes);
    const first = bytes.subarray(0, 100_000);
    const damaged = Buffer.from(first);
    damaged[5_000] = damaged[5_000]! ^ 0xff;
    expect((await patch(url, 0, damaged, checksum(first))).status).toBe(460);
    expect((await tus('HEAD', url)).headers.get('upload-offset')).toBe('0');
    expect((await patch(url, 0, first, 'md5 abc')).status).toBe(400);
    const ok = await patch(url, 0, first);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('upload-offset')).toBe('100000');
    expect((await patch(url, 0, first)).status).toBe(409);
    expect((await confirm({ sha256: sha256(bytes), caseId: 'case-1', materialCode: 'M01' })).received).toBe(false);
    const last = await patch(url, 100_000, bytes.subarray(100_000), null); // a chunk without a checksum is streamed
    expect(last.status).toBe(204);
    expect(last.headers.get('yichuang-blob')).toBe('received');
    const held = (await blobs()).filter((b) => b.sha256 === sha256(bytes));
    expect(held).toEqual([{ sha256: sha256(bytes), size: bytes.length, uploadId: expect.any(String), links: 1 }]);
    expect(fs.readFileSync(path.join(dataDir, 'uploads', held[0]!.uploadId)).equals(bytes)).toBe(true);

    // The same bytes again (another case): a no-op success that adds the link and keeps one copy.
    const again = await create(bytes, { caseId: 'case-2' });
    const done = await patch(again, 0, bytes);
    expect(done.status).toBe(204);
    expect((await blobs()).filter((b) => b.sha256 === sha256(bytes))).toEqual([{ ...held[0], links: 2 }]);
    expect(fs.existsSync(path.join(dataDir, 'uploads', new URL(again).pathname.split('/').pop()!))).toBe(false);
    expect((await confirm({ sha256: sha256(bytes), caseId: 'case-3', materialCode: 'M01' })).received).toBe(true);
    expect((await blobs()).find((b) => b.sha256 === sha256(bytes))?.links).toBe(3);
  });

  it('refuses a file whose whole hash is not the declared sha256: deleted, never marked received', async () => {
    const bytes = crypto.randomBytes(50_000);
    const claimed = sha256(Buffer.from('something else'));
    const url = await create(bytes, { sha256: claimed });
    const res = await patch(url, 0, bytes);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('SHA-256');
    expect((await tus('HEAD', url)).status).toBe(404);
    expect((await blobs()).some((b) => b.sha256 === claimed)).toBe(false);
    expect((await confirm({ sha256: claimed, caseId: 'case-1', materialCode: 'M01', uploadId: new URL(url).pathname.split('/').pop()! })).received).toBe(false);
  });

  it('refuses metadata without a valid sha256 or a size other than Upload-Length', async () => {
    const bad = await tus('POST', '/v1/uploads', { 'upload-length': '10', 'upload-metadata': `sha256 ${b64('xyz')},size ${b64('10')},caseId ${b64('c')},materialCode ${b64('m')}` });
    expect(bad.status).toBe(400);
    const size = await tus('POST', '/v1/uploads', { 'upload-length': '10', 'upload-metadata': `sha256 ${b64('a'.repeat(64))},size ${b64('11')},caseId ${b64('c')},materialCode ${b64('m')}` });
    expect(size.status).toBe(400);
  });
});
