import type { z } from 'zod';
import * as api from './api';

export type Auth = 'none' | 'device' | 'admin';

export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  auth: Auth;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
}

/** Every route of /v1, in one table: the server dispatches on it and the OpenAPI document is made from it. */
export const routes = {
  health: { method: 'GET', path: '/v1/health', auth: 'none', summary: 'Liveness, generation and clock', response: api.Health },
  enroll: {
    method: 'POST',
    path: '/v1/enroll',
    auth: 'none',
    summary: 'Exchange a one-time enrolment code for a device credential',
    body: api.EnrollRequest,
    response: api.EnrollResponse,
  },
  push: {
    method: 'POST',
    path: '/v1/push',
    auth: 'device',
    summary: 'Deliver a batch of outbox entries; one result per item',
    body: api.PushRequest,
    response: api.PushResponse,
  },
  catalog: {
    method: 'GET',
    path: '/v1/catalog',
    auth: 'device',
    summary: 'Catalog changes (items, materials, bundles, calendar, staff roster) after a version',
    query: api.PageQuery,
    response: api.CatalogResponse,
  },
  caseStatus: {
    method: 'GET',
    path: '/v1/case-status',
    auth: 'device',
    summary: "Central status changes of this hall's cases after a cursor",
    query: api.PageQuery,
    response: api.CaseStatusResponse,
  },
  heartbeat: {
    method: 'POST',
    path: '/v1/heartbeat',
    auth: 'device',
    summary: "The window's backlog and clock skew after a sync cycle (for the supervisor's view)",
    body: api.HeartbeatRequest,
    response: api.HeartbeatResponse,
  },
  licences: {
    method: 'GET',
    path: '/v1/licences',
    auth: 'device',
    summary: 'Electronic licences held by a person or enterprise',
    query: api.LicenceQuery,
    response: api.LicenceResponse,
  },
  credit: {
    method: 'GET',
    path: '/v1/credit',
    auth: 'device',
    summary: 'Joint credit-discipline check of a person or enterprise',
    query: api.CreditQuery,
    response: api.CreditResponse,
  },
  hallStats: {
    method: 'GET',
    path: '/v1/stats/hall',
    auth: 'device',
    summary: "Aggregated figures of the caller's hall, across windows",
    query: api.HallStatsQuery,
    response: api.HallStatsResponse,
  },
  adminCaseStatus: {
    method: 'POST',
    path: '/v1/admin/case-status',
    auth: 'admin',
    summary: 'Record a central status change of a case (operators, tests, demos)',
    body: api.AdminCaseStatusRequest,
    response: api.AdminCaseStatusResponse,
  },
  hallHandovers: {
    method: 'GET',
    path: '/v1/handover/pending',
    auth: 'device',
    summary: "Results of the caller's hall ready to hand over and not handed over yet (出件 待领取)",
    query: api.HallHandoverQuery,
    response: api.HallHandoverResponse,
  },
  adminCaseResult: {
    method: 'POST',
    path: '/v1/admin/case-result',
    auth: 'admin',
    summary: 'Record the result of a case (办结 / 不予许可, 已制证, what to hand over, delivery); back office, tests, demos',
    body: api.AdminCaseResultRequest,
    response: api.AdminCaseStatusResponse,
  },
  adminCatalog: {
    method: 'POST',
    path: '/v1/admin/catalog',
    auth: 'admin',
    summary: 'Publish catalog changes',
    body: api.AdminCatalogRequest,
    response: api.AdminCatalogResponse,
  },
  blobConfirm: {
    method: 'POST',
    path: '/v1/blobs/confirm',
    auth: 'device',
    summary: 'Whether the central holds a material file (verified SHA-256); records its case link. Uploads themselves are tus 1.0 at /v1/uploads',
    body: api.BlobConfirmRequest,
    response: api.BlobConfirmResponse,
  },
  adminStats: { method: 'GET', path: '/v1/admin/stats', auth: 'admin', summary: 'Distinct counts of received records', response: api.AdminStatsResponse },
  adminBlobs: { method: 'GET', path: '/v1/admin/blobs', auth: 'admin', summary: 'Received material files and their case-link counts', response: api.AdminBlobsResponse },
  adminCases: { method: 'GET', path: '/v1/admin/cases', auth: 'admin', summary: 'Ids of every received case', response: api.AdminCasesResponse },
  adminFaults: {
    method: 'POST',
    path: '/v1/admin/faults',
    auth: 'admin',
    summary: 'Test only: inject faults (needs the server started with faults allowed)',
    body: api.FaultPlan,
    response: api.Envelope,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
