/**
 * Development cases and party dues against a real database: stored and read back through the
 * zod check, steps refused with the rule cited, the yearly ledger and its .xlsx 台账, and the
 * compliance check seeing cases and arrears.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../src/app/access.ts';
import { checkCompliance } from '../../src/app/check-service.ts';
import type { AppContext } from '../../src/app/context.ts';
import { addCaseStep, listCases, openCase, readCase } from '../../src/app/development-service.ts';
import { duesLedger, exportDuesLedger, recordDuesPayments, setDuesRate } from '../../src/app/dues-service.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { getDevelopmentCase } from '../../src/db/queries/development-queries.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { yearPeriod } from '../../src/domain/common/period.ts';
import { NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import { makeMember, makeOrg } from '../factories/records.ts';
import { backends, createTestApp } from '../support/db.ts';

describe.each(backends)('development cases and dues on %s', (backend) => {
  let app: AppContext;
  const top = makeOrg({ type: 'primaryPartyCommittee', name: '案例党委' });
  const branch = makeOrg({ parent: top, name: '案例一支部' });
  const other = makeOrg({ type: 'primaryPartyCommittee', name: '案例别的党委' });
  const otherBranch = makeOrg({ parent: other, name: '案例别的支部' });
  const m1 = makeMember({ name: '甲' }, branch);
  const m2 = makeMember({ name: '乙' }, branch);
  const late = makeMember({ name: '丙', admittedOn: '2026-06-18', fullOn: null, category: 'probationary' }, branch);
  const outsider = makeMember({ name: '丁' }, otherBranch);
  const scoped: Actor = { userId: 'u', role: 'orgAdmin', orgPath: top.path, memberId: null };

  beforeAll(async () => {
    app = await createTestApp(backend);
    await insertOrganizations(app.database.db, [top, branch, other, otherBranch]);
    await insertMembers(app.database.db, [m1, m2, late, outsider].map((m) => toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })));
  }, 60_000);
  afterAll(async () => { await app?.close(); });

  it('opens a case, records steps, refuses an impossible one citing the rule, and reads it back', async () => {
    const v = await openCase(app, scoped, branch, { personName: '申请人甲', birthDate: '2000-03-03', appliedOn: '2026-01-31' }, '2026-02-01');
    expect(v.case.ruleSet).toBe('2014');
    expect(v.nextSteps.map((n) => [n.step, n.latest])).toEqual([['applicantTalk', '2026-02-28']]);
    await addCaseStep(app, scoped, v.case.id, { step: 'applicantTalk', date: '2026-02-20' }, '2026-02-20', new Date());
    const a = await addCaseStep(app, scoped, v.case.id, { step: 'activistConfirmed', date: '2026-04-10' }, '2026-04-10', new Date());
    expect(a.nextSteps.find((n) => n.step === 'activistAssessment')?.latest).toBe('2026-10-10');
    expect(a.nextSteps.find((n) => n.step === 'candidateConfirmed')?.earliest).toBe('2027-04-10');
    const refused = await addCaseStep(app, scoped, v.case.id, { step: 'candidateConfirmed', date: '2027-03-01' }, '2027-03-01', new Date()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as Error).message).toContain('2027-04-10');
    expect((refused as Error).message).toContain('第');
    const stored = await getDevelopmentCase(app.database.db, v.case.id);
    expect(stored?.steps.map((s) => s.step)).toEqual(['application', 'applicantTalk', 'activistConfirmed']);
    const read = await readCase(app, SYSTEM_ACTOR, v.case.id, '2026-09-20');
    expect(read.dues.map((d) => [d.ruleId, d.latest])).toEqual([['DEV-06', '2026-10-10']]);
    expect((await listCases(app, scoped, top, '2026-09-20')).map((c) => c.case.personName)).toEqual(['申请人甲']);
  });

  it('refuses an applicant under 18 (DEV-01) and hides cases outside the scope', async () => {
    await expect(openCase(app, scoped, branch, { personName: '少年', birthDate: '2008-02-01', appliedOn: '2026-01-31' }, '2026-02-01')).rejects.toThrow(/十八岁/);
    await expect(openCase(app, scoped, otherBranch, { personName: '外人', birthDate: null, appliedOn: '2026-01-31' }, '2026-02-01')).rejects.toBeInstanceOf(NotFoundError);
    const c = await openCase(app, SYSTEM_ACTOR, otherBranch, { personName: '外人', birthDate: null, appliedOn: '2026-01-31' }, '2026-02-01');
    await expect(readCase(app, scoped, c.case.id, '2026-02-01')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects malformed stored steps on read (zod), as a server fault', async () => {
    const c = await openCase(app, SYSTEM_ACTOR, branch, { personName: '坏数据', birthDate: null, appliedOn: '2025-01-02' }, '2025-01-02');
    await app.database.db.execute(sql`update development_cases set steps = '[{"id":"x","step":"flying","date":"2025-01-01"}]'::jsonb where id = ${c.case.id}`);
    await expect(getDevelopmentCase(app.database.db, c.case.id)).rejects.toThrow(/malformed/);
    await app.database.db.execute(sql`delete from development_cases where id = ${c.case.id}`);
  });

  it('keeps dues in 分: rate from the 2008 brackets, payments, ledger with arrears, .xlsx 台账', async () => {
    const r = await setDuesRate(app, scoped, m1.id, { from: '2026-01', category: 'employed', base: '8180' });
    expect([r.rate.amountFen, r.rate.baseFen, r.calculation.rate]).toEqual([12270, 818000, '1.5%']);
    await setDuesRate(app, scoped, m2.id, { from: '2025-01', category: 'retired', base: '4000' });
    await setDuesRate(app, scoped, late.id, { from: '2026-06', category: 'student', base: null });
    await expect(setDuesRate(app, scoped, outsider.id, { from: '2026-01', category: 'student', base: null })).rejects.toBeInstanceOf(NotFoundError);
    await recordDuesPayments(app, scoped, m1.id, { months: ['2026-01', '2026-02', '2026-03'], paidOn: '2026-03-05' }, '2026-11-20');
    await recordDuesPayments(app, scoped, m2.id, { months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'], paidOn: '2026-10-08' }, '2026-11-20');
    await expect(recordDuesPayments(app, scoped, m1.id, { months: ['2026-13'], paidOn: '2026-03-05' }, '2026-11-20')).rejects.toBeInstanceOf(ValidationError);
    await expect(recordDuesPayments(app, scoped, m1.id, { months: ['2026-04'], paidOn: '2026-12-01' }, '2026-11-20')).rejects.toThrow(/晚于今天/);

    const ledger = await duesLedger(app, scoped, branch, 2026, '2026-11-20');
    const line = (id: string) => ledger.lines.find((l) => l.memberId === id)!;
    expect([line(m1.id).paidFen, line(m1.id).owedFen, line(m1.id).categoryLabel]).toEqual([36810, 12270 * 7, '在职党员']);
    expect(line(m2.id).owedFen).toBe(0);
    expect(line(late.id).months.filter((x) => x.dueFen > 0).map((x) => x.month)[0]).toBe('2026-06');
    expect(line(late.id).owedFen).toBe(20 * 5);

    const x = await exportDuesLedger(app, scoped, branch, 2026, '2026-11-20');
    expect(x.filename).toBe('案例一支部2026年党费收缴台账.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('案例一支部2026年党费收缴台账');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['姓名', '类别', '月交纳额', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '合计', '欠交']);
    const row = [3, 4, 5].map((n) => ws.getRow(n)).find((rw) => rw.getCell(1).value === '甲')!;
    expect([row.getCell(3).value, row.getCell(4).value, row.getCell(7).value, row.getCell(16).value, row.getCell(17).value]).toEqual([122.7, 122.7, null, 368.1, 858.9]);
  });

  it('checkCompliance reports arrears (EDU-03) and overdue development steps with the other findings', async () => {
    const r = await checkCompliance(app, top, yearPeriod(2026), '2026-11-20');
    const arrears = r.findings.filter((f) => f.ruleId === 'EDU-03');
    // 乙's rate runs from 2025-01 and nothing was paid for 2025: last year's arrears are still owed.
    expect(arrears.map((f) => f.recordIds[0]).sort()).toEqual([m1.id, m2.id, late.id].sort());
    expect(arrears.find((f) => f.recordIds[0] === m2.id)!.message).toContain('2025年1月');
    expect(arrears.find((f) => f.recordIds[0] === m1.id)!.message).toContain('欠交党费7个月');
    expect(r.duesCollection?.total.dueFen).toBeGreaterThan(0);
    // 申请人甲's first half-yearly assessment was due 2026-10-10 and is not recorded.
    expect(r.findings.some((f) => f.ruleId === 'DEV-06' && f.message.includes('申请人甲'))).toBe(true);
  });
});
