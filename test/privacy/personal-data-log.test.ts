/**
 * Issue 13: every read and change of personal data is in the personal-data access log — who,
 * when, which records, which fields, from which address — and the log is append-only in the
 * database itself (UPDATE, DELETE and TRUNCATE refused by a trigger), on PGlite and PostgreSQL.
 * Only the system administrator reads it.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { composeIdNumber } from '../../src/domain/member/id-number.ts';
import { makeMember, makeOrg } from '../factories/records.ts';
import { addUser, login, type Client } from '../api/session.ts';
import { backends, createTestApp } from '../support/db.ts';

describe.each(backends)('personal-data access log on %s', (backend) => {
  let app: AppContext;
  let server: FastifyInstance;
  let secretary: Client;
  let admin: Client;
  let secretaryName: string;
  const branch = makeOrg({ name: '日志测试党支部' });
  const ms = [makeMember({ name: '甲' }, branch), makeMember({ name: '乙' }, branch)];

  beforeAll(async () => {
    app = await createTestApp(backend);
    await insertOrganizations(app.database.db, [branch]);
    await insertMembers(app.database.db, ms.map((m, i) => toMemberRecord(app.crypto, { ...m, idNumber: composeIdNumber('532801', '1980-01-02', i * 2 + 1, 'male'), phone: '13900001111' })));
    server = await buildServer(app, { today: () => '2025-06-10' });
    secretaryName = await addUser(app, 'orgAdmin', { orgId: branch.id });
    secretary = await login(server, secretaryName, undefined, '10.0.0.7');
    admin = await login(server, await addUser(app, 'admin'));
  });
  afterAll(async () => { await server?.close(); await app?.close(); });

  const logOf = async () => (await admin.send({ method: 'GET', url: '/api/personal-data-log?limit=50' })).json() as {
    total: number; items: Array<{ username: string; action: string; recordIds: string[]; fields: string[]; fieldLabels: string[]; address: string; at: string; orgId: string | null }>;
  };

  it('records a read of the member list and of one member: who, when, which records, which fields, from where', async () => {
    const before = Date.now();
    await secretary.send({ method: 'GET', url: `/api/members?orgId=${branch.id}`, remoteAddress: '10.0.0.7' });
    await secretary.send({ method: 'GET', url: `/api/members/${ms[0]!.id}`, remoteAddress: '10.0.0.8' });
    const log = await logOf();
    const [one, list] = log.items;
    expect(list).toMatchObject({ username: secretaryName, action: 'read', address: '10.0.0.7', orgId: branch.id });
    expect([...list!.recordIds].sort()).toEqual(ms.map((m) => m.id).sort());
    expect(list!.fields).toEqual(expect.arrayContaining(['idNumber', 'phone', 'birthDate']));
    expect(list!.fieldLabels).toContain('身份证号');
    expect(one).toMatchObject({ username: secretaryName, action: 'read', recordIds: [ms[0]!.id], address: '10.0.0.8' });
    expect(Date.parse(one!.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records a change with the fields changed, and an export', async () => {
    await secretary.send({ method: 'PUT', url: `/api/members/${ms[1]!.id}`, payload: { phone: '13900002222' }, remoteAddress: '10.0.0.9' });
    await secretary.send({ method: 'GET', url: `/api/members/export?orgId=${branch.id}`, remoteAddress: '10.0.0.9' });
    const [exp, change] = (await logOf()).items;
    expect(change).toMatchObject({ action: 'change', recordIds: [ms[1]!.id], fields: ['phone'], address: '10.0.0.9' });
    expect(exp).toMatchObject({ action: 'export', address: '10.0.0.9' });
    // The log holds field names and ids, never the values.
    expect(JSON.stringify(await logOf())).not.toContain('13900002222');
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const db = app.database.db;
    const count = async () => Number(((await db.execute(sql`SELECT count(*)::int AS n FROM personal_data_log`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
    const n = await count();
    expect(n).toBeGreaterThan(0);
    // Drizzle wraps the database's error: its message is in `cause`.
    const refusal = (q: Promise<unknown>) => q.then(() => 'accepted', (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`);
    expect(await refusal(db.execute(sql`UPDATE personal_data_log SET address = 'forged'`))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(db.execute(sql`DELETE FROM personal_data_log`))).toMatch(/append-only: DELETE refused/);
    expect(await refusal(db.execute(sql`TRUNCATE personal_data_log`))).toMatch(/append-only: TRUNCATE refused/);
    expect(await count()).toBe(n);
    expect((await logOf()).items.some((e) => e.address === 'forged')).toBe(false);
  });

  it('only the system administrator reads the log', async () => {
    expect((await secretary.send({ method: 'GET', url: '/api/personal-data-log' })).statusCode).toBe(403);
  });
});
