import { describe, expect, it } from 'vitest';
import {
  checkFarmerDues, checkMemberDues, collectionRates, describeDuesCalculation, duesBase, dueForMonth, memberLedger,
  monthlyDues, monthRange, monthsOfYear, previousQuarterAverage, type DuesPayment,
} from './dues.ts';
import { DEFAULT_SETTINGS, withSettings } from './settings.ts';
import { makeMember } from '../../../test/factories/regulations.ts';
import { ValidationError } from '../errors.ts';

const amount = (cat: Parameters<typeof monthlyDues>[0], base: string | null) => monthlyDues(cat, base).amount;

describe('employed brackets: flat rate, inclusive upper bounds (TV-01..03)', () => {
  it.each([
    ['3000.00', '15.00'], ['2800.00', '14.00'], ['3000.01', '30.00'], ['5000.00', '50.00'], ['5000.01', '75.00'],
    ['10000.00', '150.00'], ['10000.01', '200.00'], ['12345.67', '246.91'], ['0', '0.00'],
  ])('base %s → %s 元', (base, expected) => {
    expect(amount('employed', base)).toBe(expected);
  });
  it('reports the rate, the amount in 分 and the rule text with its article', () => {
    const c = monthlyDues('employed', '3000.01');
    expect(c).toMatchObject({ rate: '1%', amountFen: 3000, ruleId: 'DUES-02', base: '3000.01' });
    expect(c.ruleText).toContain('3000元以上至5000元（含5000元）');
    expect(c.ruleText).toContain('第二条');
  });
});

describe('dues base (TV-04)', () => {
  const items = [
    { name: '职务工资', amount: '2000', inBase: true }, { name: '级别工资', amount: '2800', inBase: true },
    { name: '规范津贴补贴', amount: '3500', inBase: true }, { name: '住房公积金', amount: '1200', inBase: false },
    { name: '通讯补贴', amount: '300', inBase: false }, { name: '交通补贴', amount: '500', inBase: false },
  ];
  it('2008 Q&A definition: minus income tax only → 8180 → 122.70', () => {
    const base = duesBase(items, '120', '2158', 'incomeTaxOnly');
    expect(base.toFixed(2)).toBe('8180.00');
    expect(monthlyDues('employed', base).amount).toBe('122.70');
  });
  it('wider 12371 practice: also minus personal contributions → 6022 → 90.33', () => {
    const base = duesBase(items, '120', '2158', 'incomeTaxAndSocialInsurance');
    expect(base.toFixed(2)).toBe('6022.00');
    expect(monthlyDues('employed', base).amount).toBe('90.33');
  });
  it('rejects deductions larger than the income', () => {
    expect(() => duesBase([{ name: '工资', amount: '100', inBase: true }], '200', '0', 'incomeTaxOnly')).toThrow(ValidationError);
  });
});

describe('retirees (TV-05)', () => {
  it.each([['4800', '24.00'], ['5000', '25.00'], ['5000.01', '50.00'], ['6200', '62.00']])('%s → %s', (base, expected) => {
    expect(amount('retired', base)).toBe(expected);
  });
});

describe('fixed amounts and other categories (TV-06)', () => {
  it('student, unemployed and 低保 members pay 0.20 a month, 2.40 a year', () => {
    for (const c of ['student', 'unemployed', 'low-income'] as const) expect(amount(c, null)).toBe('0.20');
    expect(monthlyDues('student', null).amountFen * 12).toBe(240);
  });
  it('farmers: any amount in [0.20, 1.00]; 1.20 only as a voluntary extra', () => {
    expect(monthlyDues('farmer', null, DEFAULT_SETTINGS, '1.00').amount).toBe('1.00');
    expect(monthlyDues('farmer', null).amount).toBe('0.20');
    expect(() => checkFarmerDues('1.20', DEFAULT_SETTINGS, false)).toThrow(/0\.20元至1\.00元/);
    expect(() => checkFarmerDues('1.20', DEFAULT_SETTINGS, true)).not.toThrow();
  });
  it('a provincial override of the farmers\' amount applies', () => {
    expect(monthlyDues('farmer', null, withSettings({ farmerMonthlyDues: '0.50' })).amount).toBe('0.50');
  });
  it('annual-salary member who received 20000 this month pays 400.00', () => {
    expect(monthlyDues('annual-salary', '20000')).toMatchObject({ amount: '400.00', ruleId: 'DUES-03' });
  });
  it('self-employed: previous quarter average income', () => {
    const avg = previousQuarterAverage(['3000', '3600', '2400']);
    expect(monthlyDues('self-employed', avg)).toMatchObject({ amount: '15.00', ruleId: 'DUES-04' });
  });
  it('refuses a missing or negative base', () => {
    expect(() => monthlyDues('employed', null)).toThrow(ValidationError);
    expect(() => monthlyDues('employed', '-1')).toThrow(ValidationError);
    expect(() => monthlyDues('employed', 'abc')).toThrow(ValidationError);
  });
  it('rounding step is a unit setting (DUES-18)', () => {
    expect(monthlyDues('employed', '12345.67', withSettings({ duesRoundingStep: '1' })).amount).toBe('247.00');
  });
  it('describeDuesCalculation gives amount and rule text', () => {
    const d = describeDuesCalculation('retired', '6200');
    expect(d.amount).toBe('62.00');
    expect(d.ruleText).toContain('5000元以上的按1%交纳');
  });
});

describe('ledger, arrears and flags (TV-07)', () => {
  const settings = DEFAULT_SETTINGS;
  it('dues are owed from the month of admission', () => {
    const m = makeMember({ id: 'm', category: 'probationary', admittedOn: '2026-06-18' });
    const rows = memberLedger(m, [{ memberId: 'm', from: '2026-06', amountFen: 1500 }], [], monthsOfYear(2026), settings);
    expect(rows.filter((r) => r.dueFen > 0).map((r) => r.month)[0]).toBe('2026-06');
    expect(rows.find((r) => r.month === '2026-05')!.status).toBe('notDue');
  });

  const m = makeMember({ id: 'w', name: '王五' });
  const rate = [{ memberId: 'w', from: '2026-01', amountFen: 2000 }];
  const jan: DuesPayment = { id: 'p1', memberId: 'w', month: '2026-01', amountFen: 2000, paidOn: '2026-01-10' };
  const backPay: DuesPayment[] = monthRange('2026-02', '2026-08').map((month, i) => ({ id: `b${i}`, memberId: 'w', month, amountFen: 2000, paidOn: '2026-09-10' }));

  it('a back payment of Feb–Aug on 2026-09-10 covers 7 months: flag 补交超过6个月 and the 自行脱党 review', () => {
    const pays = [jan, ...backPay];
    const rows = memberLedger(m, rate, pays, monthRange('2026-01', '2026-09'), settings);
    const fs = checkMemberDues('b1', m, rows, pays, '2026-09-15');
    const back = fs.find((f) => f.ruleId === 'DUES-13')!;
    expect(back.message).toBe('王五于2026-09-10一次补交7个月党费（2026年2月至2026年8月），补交超过6个月');
    expect(back.severity).toBe('warning');
    const quit = fs.find((f) => f.ruleId === 'DUES-14')!;
    expect(quit.severity).toBe('error');
    expect(quit.message).toContain('连续7个月（2026年2月至2026年8月）未交纳党费');
    expect(fs.some((f) => f.ruleId === 'EDU-03')).toBe(false); // September is not over yet and the rest is paid
  });
  it('five months unpaid: arrears counted, no 自行脱党 flag', () => {
    const rows = memberLedger(m, rate, [jan], monthRange('2026-01', '2026-06'), settings);
    const fs = checkMemberDues('b1', m, rows, [jan], '2026-07-02');
    expect(fs.map((f) => f.ruleId)).toEqual(['EDU-03']);
    expect(fs[0]!.message).toContain('欠交党费5个月');
    expect(fs[0]!.message).toContain('合计100.00元');
  });
  it('six consecutive months without payment triggers the flag', () => {
    const rows = memberLedger(m, rate, [jan], monthRange('2026-01', '2026-07'), settings);
    expect(checkMemberDues('b1', m, rows, [jan], '2026-08-02').map((f) => f.ruleId)).toContain('DUES-14');
  });
  it('annual fix keeps January\'s amount after a pay change; with-pay-change follows it', () => {
    const rates = [{ memberId: 'x', from: '2025-01', amountFen: 1500 }, { memberId: 'x', from: '2026-05', amountFen: 3000 }];
    expect(dueForMonth(rates, '2026-07', 'annualFix')).toBe(1500);
    expect(dueForMonth(rates, '2026-07', 'withPayChange')).toBe(3000);
    expect(dueForMonth(rates, '2027-02', 'annualFix')).toBe(3000);
  });
  it('collection rate per month and year, not lifted by voluntary extra payments', () => {
    const a = makeMember({ id: 'a' });
    const bm = makeMember({ id: 'b' });
    const months = ['2026-01', '2026-02'];
    const pays: DuesPayment[] = [
      { id: '1', memberId: 'a', month: '2026-01', amountFen: 5000, paidOn: '2026-01-05' },
      { id: '2', memberId: 'b', month: '2026-01', amountFen: 1000, paidOn: '2026-01-05' },
      { id: '3', memberId: 'a', month: '2026-02', amountFen: 1000, paidOn: '2026-02-05' },
    ];
    const rows = [
      ...memberLedger(a, [{ memberId: 'a', from: '2026-01', amountFen: 1000 }], pays, months, settings),
      ...memberLedger(bm, [{ memberId: 'b', from: '2026-01', amountFen: 2000 }], pays, months, settings),
    ];
    const r = collectionRates(rows);
    expect(r.months.map((x) => x.rate)).toEqual(['66.7%', '33.3%']);
    expect(r.total).toMatchObject({ dueFen: 6000, paidFen: 3000, rate: '50.0%' });
    expect(rows.find((x) => x.memberId === 'b' && x.month === '2026-01')!.status).toBe('partial');
  });
});
