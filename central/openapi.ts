import { z } from 'zod';
import { ErrorBody } from '../common/sync/api';
import { ENTRY_VERSION, PushEntry, V1_KINDS } from '../common/sync/entries';
import { routes, type RouteSpec } from '../common/sync/routes';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function operation(name: string, r: RouteSpec): Record<string, unknown> {
  const op: Record<string, unknown> = { operationId: name, summary: r.summary };
  if (r.auth !== 'none') op.security = [{ [r.auth === 'admin' ? 'adminToken' : 'deviceCredential']: [] }];
  if (r.query) {
    const q = schemaOf(r.query, 'input');
    op.parameters = Object.entries(q.properties ?? {}).map(([p, schema]) => ({ name: p, in: 'query', required: (q.required ?? []).includes(p), schema }));
  }
  if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } };
  const error = { description: 'Error (plain Chinese message; Retry-After on 429/503)', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
  op.responses = {
    '200': { description: 'OK', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } },
    ...(r.auth !== 'none' ? { '401': error, '403': error } : {}),
    '400': error,
    ...(name === 'push' ? { '413': error, '429': error, '503': error } : {}),
    '500': error,
  };
  return op;
}

/** The OpenAPI 3.1 document of /v1, made from the same zod schemas both sides parse with. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, r] of Object.entries(routes) as Array<[string, RouteSpec]>) {
    paths[r.path] = { ...paths[r.path], [r.method.toLowerCase()]: operation(name, r) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '一窗 Yichuang — window ⇄ central platform sync API',
      version: '1',
      description:
        'Every answer (success or error) carries `generation` (identity of the central database; a change means it was restored or replaced and windows re-offer what they hold) and `serverTime`. Push is idempotent per item id (UUIDv7); each item is a versioned entry (components.schemas.PushEntry). Serve over TLS in deployment (a reverse proxy); the reference server speaks plain HTTP on loopback.',
    },
    paths,
    components: {
      schemas: {
        ErrorBody: schemaOf(ErrorBody, 'output'),
        PushEntry: {
          ...schemaOf(PushEntry, 'input'),
          description: `The kind, version and payload of a push item (version ${ENTRY_VERSION}), one schema per kind. Version 1 (items without \`v\`; kinds ${V1_KINDS.join(', ')}) is still accepted and upgraded by the central. An unknown kind or version, or a payload that does not match, is answered \`rejected\` with the reason for that item alone; nothing of it is stored.`,
        },
      },
      securitySchemes: {
        deviceCredential: { type: 'http', scheme: 'bearer', description: 'Device credential from /v1/enroll' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'Operator token of the central platform' },
      },
    },
  };
}
