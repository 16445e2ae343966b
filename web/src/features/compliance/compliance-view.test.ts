import { describe, expect, it } from 'vitest';
import type { ComplianceDue, ComplianceFinding, OrgOpen } from './types.ts';
import { daysText, dueRows, openByOrg, periodLabel, ruleCounts, ruleTitle, visibleFindings, yuanText } from './compliance-view.ts';

function finding(over: Partial<ComplianceFinding> = {}): ComplianceFinding {
  return { ruleId: 'BR-09', severity: 'warning', orgId: 'f', period: '2026-07', message: '2026年7月未召开支部委员会会议', recordIds: [], citation: '《中国共产党支部工作条例（试行）》第十二条', ...over };
}

function due(over: Partial<ComplianceDue> = {}): ComplianceDue {
  return { ruleId: 'DEV-21', orgId: 'f', subject: '王慧敏', earliest: '2026-11-21', latest: '2026-11-21', message: '预备期届满', recordIds: ['c1'], ...over };
}

const names: Record<string, string> = { f: '州财政局党支部', s: '州统计局党支部', a: '州审计局党支部' };
const orgName = (id: string) => names[id] ?? '';

describe('labels', () => {
  it('names months, quarters and years in Chinese', () => {
    expect(periodLabel('2026-07')).toBe('2026年7月');
    expect(periodLabel('2026-12')).toBe('2026年12月');
    expect(periodLabel('2026-Q3')).toBe('2026年第三季度');
    expect(periodLabel('2025')).toBe('2025年');
    expect(periodLabel('2026上半年')).toBe('2026上半年');
  });

  it('gives a rule its title from the rule table, and an unknown id as is', () => {
    expect(ruleTitle('BR-09')).toContain('支部委员会会议一般每月召开1次');
    expect(ruleTitle('XX-99')).toBe('XX-99');
  });

  it('writes 分 as 元 exactly, with thousands separators', () => {
    expect(yuanText(10555950)).toBe('105,559.50 元');
    expect(yuanText(35550)).toBe('355.50 元');
    expect(yuanText(5)).toBe('0.05 元');
  });
});

describe('visibleFindings', () => {
  const list = [
    finding({ period: '2026-03' }),
    finding({ ruleId: 'ELE-01', severity: 'error', orgId: 's', period: '2025' }),
    finding({ period: '2026-07' }),
    finding({ ruleId: 'EDU-03', severity: 'error', orgId: 'f', period: '2026' }),
  ];

  it('lists errors first, then the newest period first', () => {
    expect(visibleFindings(list, 'all', null, orgName).map((f) => `${f.ruleId}@${f.period}`))
      .toEqual(['EDU-03@2026', 'ELE-01@2025', 'BR-09@2026-07', 'BR-09@2026-03']);
  });

  it('keeps one severity or one organization', () => {
    expect(visibleFindings(list, 'warning', null, orgName)).toHaveLength(2);
    expect(visibleFindings(list, 'all', 's', orgName).map((f) => f.ruleId)).toEqual(['ELE-01']);
    expect(visibleFindings(list, 'error', 'a', orgName)).toEqual([]);
  });
});

describe('dueRows', () => {
  it('marks overdue, open and coming items against today, the earliest deadline first', () => {
    const rows = dueRows([
      due({ subject: '委员会换届', ruleId: 'ELE-11', earliest: '2026-12-14', latest: '2027-06-14' }),
      due(),
      due({ subject: '委员会换届', ruleId: 'ELE-01', orgId: 's', earliest: null, latest: '2026-03-15' }),
      due({ subject: '李四', earliest: '2026-11-01', latest: '2026-12-01' }),
    ], '2026-11-23');
    expect(rows.map((r) => [r.ruleId, r.urgency, r.daysLeft])).toEqual([
      ['ELE-01', 'overdue', -253], ['DEV-21', 'overdue', -2], ['DEV-21', 'open', 8], ['ELE-11', 'coming', 203],
    ]);
    expect(rows[0]!.window).toBe('2026-03-15 前');
    expect(rows[3]!.window).toBe('2026-12-14 至 2027-06-14');
  });

  it('says how many days are left', () => {
    expect(daysText(0)).toBe('今天到期');
    expect(daysText(8)).toBe('还有 8 天');
    expect(daysText(-2)).toBe('已逾期 2 天');
  });
});

describe('branches', () => {
  it('puts branches with errors first, leaves the 党委 itself out, and counts rules', () => {
    const byOrg: OrgOpen[] = [
      { orgId: 'a', name: '州审计局党支部', errors: 0, warnings: 0, byRule: {}, dues: 1 },
      { orgId: 'c', name: '州直机关党委', errors: 0, warnings: 1, byRule: { 'BR-06': 1 }, dues: 0 },
      { orgId: 's', name: '州统计局党支部', errors: 1, warnings: 0, byRule: { 'ELE-01': 1 }, dues: 1 },
      { orgId: 'f', name: '州财政局党支部', errors: 2, warnings: 1, byRule: { 'EDU-03': 1, 'BR-09': 2 }, dues: 2 },
    ];
    expect(openByOrg(byOrg, 'c').map((o) => o.orgId)).toEqual(['f', 's', 'a']);
    expect(ruleCounts(byOrg[3]!.byRule)).toEqual([{ ruleId: 'BR-09', count: 2 }, { ruleId: 'EDU-03', count: 1 }]);
  });
});
