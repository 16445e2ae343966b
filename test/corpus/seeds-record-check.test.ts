/** Corpus tier (runs when ../shared/seeds exists): the records check on seed 003's statistics. */
import { describe, expect, it } from 'vitest';
import { analyzeSummary } from '../../src/domain/analysis/analyze.ts';
import { classifyMetrics, compareWithFacts, documentPeriod } from '../../src/domain/analysis/record-check.ts';
import { customPeriod, yearPeriod } from '../../src/domain/common/period.ts';
import { makeFacts } from '../factories/facts.ts';
import { corpusTitle, readSeed, SEEDS_PRESENT } from './seeds-dir.ts';

const s003 = SEEDS_PRESENT ? readSeed('003_6f3713c76475a20e.txt') : '';

describe.skipIf(!SEEDS_PRESENT)(corpusTitle('compareWithFacts on seed 003'), () => {
  const a = analyzeSummary(s003);
  const period = customPeriod('2023-01-01', '2023-11-10');
  const matching = makeFacts({
    studySessions: 37, studyParticipations: 301, 'activities.branchCommitteeMeeting': 12, 'activities.generalMembershipMeeting': 13,
    'activities.themedPartyDay': 12, volunteerServices: 77, volunteerParticipations: 224, 'development.becameFull': 1,
    'development.admittedProbationary': 1, 'activities.partyLecture': 12, secretaryPartyLectures: 1,
  }, period);

  it('maps the seed’s statistics to facts: 支委会议, 党员大会, 主题党日, 学习, 志愿服务 and their 人次, 转正, 接收', () => {
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
    expect(f.map((x) => [s003.slice(x.offset, x.offset + x.length), x.suggestion])).toEqual([
      ['12次', '10次'],
      ['77次', '补录相应记录，或删去这一表述'],
    ]);
    expect(f[0]!.message).toContain('记录为10次');
  });
});

describe.skipIf(!SEEDS_PRESENT)(corpusTitle('documentPeriod on seed 003'), () => {
  it('reads the year of seed 003', () => {
    expect(documentPeriod(analyzeSummary(s003))).toEqual(yearPeriod(2023));
  });
});
