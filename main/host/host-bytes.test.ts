import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_MAX_BYTES } from '../../common/contract/materials';
import { createApp, type App } from '../app/app';
import { samplePerson } from '../intake/testing';
import { sampleJpeg } from '../materials/testing';
import { ok, sampleItem } from '../app/testing';
import { startHost, type Host } from './server';

/** The loopback host's bytes route (POST /api/bytes) and file tickets (GET /files/…), over real HTTP. */
let app: App;
let host: Host;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-host-bytes-'));
  app = await createApp({ dataDir: dir, mode: 'demo', transport: 'host' });
  host = await startHost({ app, rendererDir: path.join(dir, 'renderer') });
});
afterAll(async () => {
  await host?.close();
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${host.token}` });
function postBytes(input: unknown, body: Uint8Array, headers: Record<string, string> = auth()) {
  return fetch(`${host.url}/api/bytes?method=materials.stagePage`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-yichuang-input': encodeURIComponent(JSON.stringify(input)), ...headers },
    body,
  });
}

describe('host bytes path', () => {
  it('stages a page sent as a raw body, serves the accepted PDF by ticket, and refuses strangers, oversize bodies and the applicant screen', async () => {
    const { itemCode, codes, materials } = await sampleItem(app);
    const draftId = crypto.randomUUID();
    const input = { draftId, materialCode: codes[0]!, mime: 'image/jpeg', source: 'file', fileName: '身份证.jpg' };
    const page = sampleJpeg(1200, 1600, 4);
    // Above the JSON router's 1 MB input limit would be refused there; here the bytes never touch JSON.
    expect(page.length).toBeGreaterThan(300_000);
    const staged = await postBytes(input, page);
    expect(staged.status).toBe(200);
    expect(await staged.json()).toMatchObject({ ok: true, value: { slot: { pageCount: 1, bytes: page.length } } });

    expect((await postBytes(input, page, {})).status).toBe(401);
    const big = await postBytes(input, new Uint8Array(PAGE_MAX_BYTES + 1));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('文件过大') } });
    const wrong = await fetch(`${host.url}/api/bytes?method=intake.accept`, { method: 'POST', headers: auth(), body: page });
    expect(wrong.status).toBe(404);
    const applicant = await fetch(`${host.url}/applicant/api/bytes?method=materials.stagePage`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: page });
    expect(applicant.status).toBe(401);

    const accepted = ok<{ caseId: string }>(await app.invoke('intake.accept', { itemCode, applicant: samplePerson, materials, materialsDraftId: draftId }));
    const [file] = ok<{ files: Array<{ sha256: string }> }>(await app.invoke('materials.caseFiles', { caseId: accepted.caseId })).files;
    const ticket = ok<{ ticket: string }>(await app.invoke('materials.openFile', { caseId: accepted.caseId, sha256: file!.sha256 }));
    const pdf = await fetch(`${host.url}/files/${ticket.ticket}`, { headers: auth() });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect((await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()))).getPageCount()).toBe(1);
    expect((await fetch(`${host.url}/files/${ticket.ticket}`)).status).toBe(401);
    expect((await fetch(`${host.url}/files/nope`, { headers: auth() })).status).toBe(404);
  });
});
