/** The records check on a summary written for the tests (test/fixtures/summaries), its statistics mapped to facts. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSummary } from '../../src/domain/analysis/analyze.ts';
import { classifyMetrics, compareWithFacts, documentPeriod } from '../../src/domain/analysis/record-check.ts';
import { customPeriod, halfYearPeriod, quarterPeriod, yearPeriod } from '../../src/domain/common/period.ts';
import { makeFacts } from '../factories/facts.ts';

const figures = readFileSync(resolve(import.meta.dirname, '../fixtures/summaries/annual-with-figures.txt'), 'utf8');

describe('compareWithFacts', () => {
  const a = analyzeSummary(figures);
  const period = customPeriod('2024-01-01', '2024-12-31');
  const matching = makeFacts({
    studySessions: 37, studyParticipations: 301, 'activities.branchCommitteeMeeting': 12, 'activities.generalMembershipMeeting': 13,
    'activities.themedPartyDay': 12, volunteerServices: 77, volunteerParticipations: 224, 'development.becameFull': 1,
    'development.admittedProbationary': 1, secretaryPartyLectures: 1,
  }, period);

  it('maps the statistics to facts: 支委会议, 党员大会, 主题党日, 学习, 志愿服务 and their 人次, 转正, 接收, 书记党课', () => {
    const keys = classifyMetrics(a.metrics);
    const byQuote = (quote: string, word: string) => keys[a.metrics.findIndex((m) => m.quote === quote && m.clause.includes(word))];
    expect(byQuote('37次', '学习')).toBe('studySessions');
    expect(byQuote('301人次', '参与')).toBe('studyParticipations');
    expect(byQuote('12次', '支委会议')).toBe('activities.branchCommitteeMeeting');
    expect(byQuote('13次', '党员大会')).toBe('activities.generalMembershipMeeting');
    expect(byQuote('12次', '主题党日')).toBe('activities.themedPartyDay');
    expect(byQuote('12次', '其他活动')).toBeNull();
    expect(byQuote('77次', '志愿服务')).toBe('volunteerServices');
    expect(byQuote('224人次', '参与')).toBe('volunteerParticipations');
    expect(byQuote('1名', '转正')).toBe('development.becameFull');
    expect(byQuote('1名', '接收为预备党员')).toBe('development.admittedProbationary');
    expect(byQuote('4名', '党组成员')).toBeNull();
    expect(byQuote('1次', '思政党课')).toBe('secretaryPartyLectures');
  });

  it('finds nothing when the records agree', () => {
    expect(compareWithFacts(a, matching)).toEqual([]);
  });

  it('reports each disagreeing statistic where it stands, with the recorded value', () => {
    const facts = makeFacts({ ...Object.fromEntries(Object.entries(matching.facts).map(([k, f]) => [k, f.value])), 'activities.branchCommitteeMeeting': 10, volunteerServices: 0 }, period);
    const f = compareWithFacts(a, facts);
    expect(f.map((x) => [figures.slice(x.offset, x.offset + x.length), x.suggestion])).toEqual([
      ['12次', '10次'],
      ['77次', '补录相应记录，或删去这一表述'],
    ]);
    expect(f[0]!.message).toContain('记录为10次');
  });

  it('checks approximate values in their direction (30余人次 needs at least 30)', () => {
    const text = '某支部2023年度工作总结\n现将全年工作总结如下：\n一、主要工作\n组织志愿服务5次，参与30余人次。\n';
    const ax = analyzeSummary(text);
    expect(compareWithFacts(ax, makeFacts({ volunteerServices: 5, volunteerParticipations: 34 }))).toEqual([]);
    expect(compareWithFacts(ax, makeFacts({ volunteerServices: 5, volunteerParticipations: 28 }))).toHaveLength(1);
  });

  it('ignores the numbers of the problems and plans', () => {
    const text = '某支部2023年度工作总结\n现将全年工作总结如下：\n一、主要工作\n召开支委会12次。\n二、下一步工作打算\n计划召开支委会15次。\n';
    expect(compareWithFacts(analyzeSummary(text), makeFacts({ 'activities.branchCommitteeMeeting': 12 }))).toEqual([]);
  });
});

describe('documentPeriod', () => {
  it('reads the period to compare with: year, quarter, second half', () => {
    expect(documentPeriod(analyzeSummary(figures))).toEqual(yearPeriod(2024));
    expect(documentPeriod(analyzeSummary('某支部2023年第三季度工作情况报告\n正文。\n'))).toEqual(quarterPeriod(2023, 3));
    expect(documentPeriod(analyzeSummary('某支部2024年下半年党建工作总结\n正文。\n'))).toEqual(halfYearPeriod(2024, 2));
    expect(documentPeriod(analyzeSummary('工作总结\n正文。\n'))).toBeNull();
  });
});
