/**
 * The fuzz run of issue 13 (Why 7): at least 5,000 requests generated from the OpenAPI
 * description (/docs/json) over every route it lists — routes added later are picked up
 * automatically — with values drawn from each parameter's and body's JSON schema (fast-check)
 * mixed with hostile ones (impossible dates, NUL and control characters, huge numbers, wrong
 * types, long strings), sent as an administrator and as a branch administrator. No answer may
 * be in the 5xx range.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { closeParsePool } from '../../src/app/parse-pool.ts';
import { insertActivities } from '../../src/db/queries/activity-queries.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { makeActivity, makeMember, makeOrg } from '../factories/records.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

const REQUESTS = 5_000;
const SEED = 20_261_129;

type Schema = {
  type?: string | string[]; enum?: unknown[]; format?: string; pattern?: string; nullable?: boolean;
  minLength?: number; maxLength?: number; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number;
  minItems?: number; maxItems?: number; items?: Schema; properties?: Record<string, Schema>; required?: string[];
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; additionalProperties?: boolean | Schema; const?: unknown; default?: unknown;
};
type Operation = { method: string; path: string; op: { parameters?: Array<{ in: string; name: string; required?: boolean; schema: Schema }>; requestBody?: { content?: Record<string, { schema?: Schema }> } } };

/** Values no schema allows, and values that broke the server before. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '\u0000', 'a\u0000b', '\u0007\u001b[31m', '\u202e', '2024-02-30', '2025-02-30', '2024-13-01', '0000-00-00', '9999-99-99', '2024-2-3',
    -1, 0, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 1.5, 'NaN', 'Infinity', '1e999', '',
    'x'.repeat(100_000), '𠀀'.repeat(5_000), '../../etc/passwd', "'; DROP TABLE members;--", '<script>alert(1)</script>',
    [], {}, null, true, false, [null], { __proto__: { admin: true } }, '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.anything({ maxDepth: 2 }),
);

const DATE_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}|YYYY/;

/** A fast-check arbitrary for a JSON schema of the OpenAPI description; `ids` are real record ids. */
function arb(schema: Schema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const valid = validArb(schema ?? {}, ids, depth);
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

function validArb(s: Schema, ids: string[], depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts && alts.length > 0) return fc.oneof(...alts.map((a) => validArb(a, ids, depth)));
  if (s.allOf && s.allOf.length > 0) return validArb(Object.assign({}, ...s.allOf) as Schema, ids, depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string': {
        if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
        if (s.format === 'date' || (s.pattern && DATE_PATTERN.test(s.pattern))) {
          return fc.oneof(
            fc.date({ min: new Date('1921-07-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
            fc.constantFrom('2024-02-29', '2025-02-28', '2024-02-30', '2025-02-30', '2024-13-01', '2024-00-10', '2024-04-31'),
          );
        }
        if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
        const maxLength = Math.min(s.maxLength ?? 40, 60);
        return fc.string({ unit: 'grapheme', minLength: Math.min(s.minLength ?? 0, maxLength), maxLength });
      }
      case 'integer': {
        const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000);
        const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000);
        return fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) });
      }
      case 'number': return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case 'boolean': return fc.boolean();
      case 'array': {
        if (depth > 3) return fc.constant([]);
        return fc.array(arb(s.items, ids, depth + 1), { minLength: Math.min(s.minItems ?? 0, 3), maxLength: Math.min(s.maxItems ?? 3, 3) });
      }
      case 'object': {
        if (depth > 3) return fc.constant({});
        const props = s.properties ?? {};
        const required = s.required ?? [];
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(props)) model[k] = arb(v, ids, depth + 1);
        return fc.record(model, { requiredKeys: required.filter((k) => k in props) });
      }
      default: return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
    }
  })();
  return s.nullable || (Array.isArray(s.type) && s.type.includes('null')) ? fc.option(base, { nil: null }) : base;
}

const UPLOAD_TYPES = [
  'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json', 'application/octet-stream',
];

/** One generated request for `o`: path, query and body from its schemas, hostile values mixed in. */
function requestArb(o: Operation, ids: string[]): fc.Arbitrary<{ o: Operation; inject: InjectOptions }> {
  const params = o.op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParams.map((p) => fc.oneof({ weight: 4, arbitrary: validArb(p.schema, ids, 0) }, { weight: 1, arbitrary: hostile })));
  const queryArb = fc.record(
    Object.fromEntries(queryParams.map((p) => [p.name, arb(p.schema, ids)])),
    { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
  );
  const json = o.op.requestBody?.content?.['application/json']?.schema;
  const bodyArb: fc.Arbitrary<{ type: string; payload: string | Buffer } | null> = json
    ? fc.oneof(
      { weight: 8, arbitrary: arb(json, ids).map((v) => ({ type: 'application/json', payload: JSON.stringify(v) ?? 'null' })) },
      { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', '\u0000', '') .map((p) => ({ type: 'application/json', payload: p })) },
    )
    : o.method === 'POST' || o.method === 'PUT' || o.method === 'PATCH'
      ? fc.option(fc.record({
        type: fc.constantFrom(...UPLOAD_TYPES),
        payload: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)), hostile.map((h) => JSON.stringify(h) ?? '')),
      }), { nil: null })
      : fc.constant(null);
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pathValues, query, body]) => {
    let url = o.path;
    pathParams.forEach((p, i) => { url = url.replace(`{${p.name}}`, encodeURIComponent(String(pathValues[i]))); });
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) qs.append(k, typeof x === 'string' ? x : JSON.stringify(x) ?? '');
      else qs.append(k, typeof v === 'string' ? v : JSON.stringify(v) ?? '');
    }
    const q = qs.toString();
    const inject: InjectOptions = { method: o.method as InjectOptions['method'], url: q ? `${url}?${q}` : url };
    if (body) { inject.headers = { 'content-type': body.type }; inject.payload = body.payload; }
    return { o, inject };
  });
}

describe('fuzzing every route of the OpenAPI description', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let clients: Client[];
  const ids: string[] = [];

  beforeAll(async () => {
    app = await createTestApp('pglite');
    const committee = makeOrg({ name: '模糊测试党委', type: 'primaryPartyCommittee' });
    const branch = makeOrg({ name: '模糊测试党支部', parent: committee });
    const members = [makeMember({ positions: ['secretary'] }, branch), makeMember({}, branch), makeMember({ category: 'probationary', admittedOn: '2025-03-01', fullOn: null }, branch)];
    const activity = makeActivity({ orgId: branch.id, kind: 'branchCommitteeMeeting', date: '2025-03-05', present: members });
    await insertOrganizations(app.database.db, [committee, branch]);
    await insertMembers(app.database.db, members.map((m) => toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })));
    await insertActivities(app.database.db, [activity]);
    ids.push(committee.id, branch.id, ...members.map((m) => m.id), activity.id);
    // Rate limits off: they would answer most of the expensive routes' requests with 429 before the handlers run.
    server = await buildServer(app, { today: () => '2025-06-10', rateLimitScale: false });
    clients = [
      await login(server, await addUser(app, 'admin')),
      await login(server, await addUser(app, 'orgAdmin', { orgId: branch.id })),
    ];
  });
  afterAll(async () => { await server.close(); await app.close(); await closeParsePool(); });

  it(`answers ${REQUESTS} generated requests without a single 5xx`, async () => {
    const doc = (await server.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, Operation['op']>> };
    const operations: Operation[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) operations.push({ method: method.toUpperCase(), path, op });
      }
    }
    expect(operations.length).toBeGreaterThan(30);
    const samples = fc.sample(fc.constantFrom(...operations).chain((o) => requestArb(o, ids)), { numRuns: REQUESTS, seed: SEED });

    const failures: string[] = [];
    const hits = new Map<string, number>();
    const started = performance.now();
    const BATCH = 4;
    for (let i = 0; i < samples.length; i += BATCH) {
      await Promise.all(samples.slice(i, i + BATCH).map(async ({ o, inject }, j) => {
        const key = `${o.method} ${o.path}`;
        hits.set(key, (hits.get(key) ?? 0) + 1);
        // Logging out would end the session the rest of the run uses: that route is sent anonymously.
        const r = o.path === '/api/auth/logout' ? await server.inject(inject) : await clients[(i + j) % clients.length]!.send(inject);
        if (r.statusCode >= 500) {
          failures.push(`${r.statusCode} ${inject.method} ${String(inject.url).slice(0, 200)} ${String(inject.payload ?? '').slice(0, 200)} → ${r.body.slice(0, 200)}`);
        }
      }));
    }
    const seconds = (performance.now() - started) / 1000;
    const byRoute = new Map<string, string>();
    for (const f of failures) { const k = f.split(' ').slice(0, 3).join(' ').split('?')[0]!; if (!byRoute.has(k)) byRoute.set(k, f); }
    expect(failures.length, [...byRoute.values()].join('\n')).toBe(0);
    // Every route of the description was exercised.
    for (const o of operations) expect(hits.get(`${o.method} ${o.path}`) ?? 0, `${o.method} ${o.path}`).toBeGreaterThan(5);
    expect(samples.length).toBeGreaterThanOrEqual(5_000);
    console.log(`fuzz: ${samples.length} requests over ${operations.length} routes in ${seconds.toFixed(1)} s`);
  }, 600_000);
});
