/**
 * Issue 13: no answer or export lets an 身份证号 be rebuilt. For every answer and export that
 * carries a masked number — the member list, one member, the roster .xlsx export, the import
 * preview — the numbers consistent with everything shown (the mask, and the birth date and gender
 * shown beside it anywhere) are counted with the check character: many, never one. A mask stored
 * under the former rule (region + last 4) is masked again on the way out.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { composeIdNumber } from '../../src/domain/member/id-number.ts';
import { writeRosterXlsx } from '../../src/render/xlsx-roster.ts';
import { makeMember, makeOrg } from '../factories/records.ts';
import { addUser, login, type Client } from '../api/session.ts';
import { createTestApp } from '../support/db.ts';
import { idCandidates } from '../support/id-candidates.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('masked 身份证号 in every answer and export', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let secretary: Client;
  const branch = makeOrg({ name: '掩码测试党支部' });
  const people = Array.from({ length: 31 }, (_, i) => {
    const gender = i % 2 === 0 ? 'male' as const : 'female' as const;
    const birthDate = `19${60 + i}-0${1 + (i % 9)}-1${i % 10}`;
    return { m: makeMember({ name: `党员${String(i).padStart(2, '0')}`, gender, birthDate }, branch), id: composeIdNumber('532801', birthDate, 17 * i, gender) };
  });
  const byName = new Map(people.map((p) => [p.m.name, p]));

  /** Every masked number must leave many candidates, counting with the birth date and gender known. */
  function assertNotRebuildable(name: string, masked: string): void {
    const p = byName.get(name)!;
    expect(masked, name).not.toContain(p.id.slice(-4));
    const n = idCandidates({ masked, birthDate: p.m.birthDate, gender: p.m.gender });
    expect(n, `${name}: ${masked}`).toBeGreaterThanOrEqual(100);
  }

  beforeAll(async () => {
    app = await createTestApp('pglite');
    await insertOrganizations(app.database.db, [branch]);
    await insertMembers(app.database.db, people.map((p) => toMemberRecord(app.crypto, { ...p.m, idNumber: p.id, phone: null })));
    // One row as an older version stored it: region + last 4.
    const old = people[0]!;
    await app.database.db.execute(sql`UPDATE members SET id_number_masked = ${`${old.id.slice(0, 6)}********${old.id.slice(-4)}`} WHERE id = ${old.m.id}`);
    server = await buildServer(app, { today: () => '2025-06-10' });
    secretary = await login(server, await addUser(app, 'orgAdmin', { orgId: branch.id }));
  });
  afterAll(async () => { await server?.close(); await app?.close(); });

  it('the member list and one member', async () => {
    const list = await secretary.send({ method: 'GET', url: `/api/members?orgId=${branch.id}` });
    const items = list.json().items as Array<{ id: string; name: string; birthDate: string; idNumberMasked: string }>;
    expect(items).toHaveLength(31);
    for (const it of items) {
      expect(it.birthDate).toBe(byName.get(it.name)!.m.birthDate);
      assertNotRebuildable(it.name, it.idNumberMasked);
      const one = (await secretary.send({ method: 'GET', url: `/api/members/${it.id}` })).json();
      assertNotRebuildable(one.name, one.idNumberMasked);
    }
  });

  it('the roster .xlsx export, where the birth date and gender stand in the same row', async () => {
    const res = await secretary.send({ method: 'GET', url: `/api/members/export?orgId=${branch.id}` });
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let header = 0;
    ws.eachRow((row, n) => { if (!header && (row.values as unknown[]).includes('身份证号')) header = n; });
    const labels = ws.getRow(header).values as unknown[];
    const col = (l: string) => labels.indexOf(l);
    let rows = 0;
    for (let r = header + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const name = row.getCell(col('姓名')).value as string;
      if (!byName.has(name)) continue;
      rows++;
      const p = byName.get(name)!;
      expect(row.getCell(col('性别')).value).toBe(p.m.gender === 'male' ? '男' : '女');
      assertNotRebuildable(name, String(row.getCell(col('身份证号')).value));
    }
    expect(rows).toBe(31);
  });

  it('the import preview', async () => {
    const fresh = Array.from({ length: 5 }, (_, i) => {
      const birthDate = `199${i}-03-0${1 + i}`;
      const p = { m: makeMember({ name: `新人${i}`, gender: 'female', birthDate }, branch), id: composeIdNumber('110105', birthDate, 40 + i, 'female') };
      byName.set(p.m.name, p);
      return p;
    });
    const bytes = await writeRosterXlsx(fresh.map((p) => ({
      name: p.m.name, gender: 'female', ethnicity: '汉族', birthDate: p.m.birthDate, education: null, idNumber: p.id, phone: null,
      category: 'full', admittedOn: '2016-07-01', fullOn: '2017-07-01', branchName: null, positions: [],
    })));
    const pre = await secretary.send({ method: 'POST', url: `/api/members/import/preview?orgId=${branch.id}`, payload: bytes, headers: { 'content-type': XLSX } });
    expect(pre.statusCode).toBe(200);
    const rows = pre.json().rows as Array<{ name: string; idNumberMasked: string }>;
    expect(rows).toHaveLength(5);
    for (const r of rows) assertNotRebuildable(r.name, r.idNumberMasked);
  });
});
