/**
 * Statistics of a summary against the organization's records (issue 5, item 4): each statistic
 * that names something Zhibu counts (支委会, 党员大会, 主题党日, 学习, 志愿服务, 接收预备党员,
 * 转正 …) is matched to a FactKey of src/domain/stats/facts.ts and compared with the recorded
 * value for the period. Pure.
 */
import { halfYearPeriod, quarterPeriod, yearPeriod, type Period } from '../common/period.ts';
import type { FactKey, Facts } from '../stats/facts.ts';
import type { DocFinding, Metric, SummaryAnalysis } from './types.ts';

interface Rule {
  key: FactKey;
  units: readonly string[];
  pattern: RegExp;
  /** Also try the whole sentence when the clause does not say (跟进学习5项 after “第一议题”). */
  sentence?: boolean;
  unless?: RegExp;
}

const PEOPLE = ['名', '人'];
const TIMES = ['次', '场', '场次'];

/** Phrase → fact rules, most specific first (转正 before 预备党员, 书记讲党课 before 党课). */
const RULES: readonly Rule[] = [
  { key: 'development.becameFull', units: PEOPLE, pattern: /转正|转为正式党员/ },
  { key: 'development.admittedProbationary', units: PEOPLE, pattern: /(?:接收|吸收|发展).{0,6}预备党员|接收为预备党员|发展(?:新)?党员/ },
  { key: 'development.candidate', units: PEOPLE, pattern: /发展对象/ },
  { key: 'development.activist', units: PEOPLE, pattern: /积极分子/ },
  { key: 'development.applied', units: [...PEOPLE, '份'], pattern: /入党申请/ },
  { key: 'members.full', units: PEOPLE, pattern: /正式党员/ },
  { key: 'members.probationary', units: PEOPLE, pattern: /预备党员/ },
  { key: 'members.total', units: PEOPLE, pattern: /(?:共有|现有|有)党员|党员总数|党员人数/ },
  { key: 'branches', units: ['个'], pattern: /(?:下设|所属|共有|下辖).{0,4}(?:党支部|支部)/ },
  { key: 'attendanceRate', units: ['%', '％'], pattern: /出勤率|参会率|到会率/ },
  { key: 'secretaryPartyLectures', units: [...TIMES, '堂'], pattern: /书记.{0,12}(?:讲|上|讲授).{0,4}党课/ },
  { key: 'firstAgendaItems', units: ['项', '次'], pattern: /第一议题/, sentence: true },
  { key: 'averageStudyHours', units: ['学时'], pattern: /人均/ },
  { key: 'volunteerParticipations', units: ['人次'], pattern: /志愿服务/, sentence: true },
  { key: 'volunteerServices', units: TIMES, pattern: /志愿服务/ },
  { key: 'studyParticipations', units: ['人次'], pattern: /学习/, sentence: true },
  { key: 'activities.branchCommitteeMeeting', units: TIMES, pattern: /支委会|支部委员会|支委会议/ },
  { key: 'activities.generalMembershipMeeting', units: TIMES, pattern: /党员大会/ },
  { key: 'activities.partySubgroupMeeting', units: TIMES, pattern: /党小组会/ },
  { key: 'activities.themedPartyDay', units: TIMES, pattern: /主题党日/ },
  { key: 'activities.organizationalLifeMeeting', units: TIMES, pattern: /组织生活会/ },
  { key: 'activities.memberAppraisal', units: TIMES, pattern: /民主评议/ },
  { key: 'activities.warningEducation', units: TIMES, pattern: /警示教育/ },
  { key: 'activities.heartToHeartTalk', units: TIMES, pattern: /谈心谈话/ },
  { key: 'activities.jointBuilding', units: TIMES, pattern: /共建/ },
  { key: 'studySessions', units: TIMES, pattern: /学习|研讨/ },
  { key: 'activities.partyLecture', units: [...TIMES, '堂'], pattern: /党课/ },
  { key: 'activities.knowledgeTest', units: TIMES, pattern: /知识测试|知识竞赛|测试/ },
];

const GENERIC_PARTICIPATION = /^(?:参与|参加)(?:人数|人员)?$|^人数$/;

/**
 * The FactKey each statistic states, or null. A 人次 statistic that only says 参与 (参与301人次)
 * counts the participations of the statistic before it in the same sentence.
 */
export function classifyMetrics(metrics: readonly Metric[]): Array<FactKey | null> {
  const keys: Array<FactKey | null> = [];
  metrics.forEach((m, i) => {
    let key = match(m, 'clause');
    const prev = metrics[i - 1];
    const prevKey = keys[i - 1];
    if (!key && m.unit === '人次' && GENERIC_PARTICIPATION.test(m.what) && prev && prev.sentence === m.sentence && prevKey) {
      if (prevKey === 'studySessions') key = 'studyParticipations';
      else if (prevKey === 'volunteerServices') key = 'volunteerParticipations';
      else if (prevKey.startsWith('activities.')) key = 'participations';
    }
    keys.push(key ?? match(m, 'sentence'));
  });
  return keys;
}

function match(m: Metric, scope: 'clause' | 'sentence'): FactKey | null {
  const text = scope === 'clause' ? m.clause : m.sentence;
  for (const r of RULES) {
    if (scope === 'sentence' && !r.sentence) continue;
    if (!r.units.includes(m.unit)) continue;
    if (r.pattern.test(text) && !(r.unless?.test(text))) return r.key;
  }
  return null;
}

/**
 * Record-mismatch findings: statistics of the results (not of the problems or plans) that
 * disagree with `facts`. Of several statistics of one fact, only the largest (the total) is compared (the organization's facts for the document's period). An approximate
 * value is checked in its direction (30余 needs at least 30; 近200 at most 200); a value stated
 * for something with no record at all is reported too. Placeholders are left to the placeholder check.
 */
export function compareWithFacts(analysis: SummaryAnalysis, facts: Facts): DocFinding[] {
  const out: DocFinding[] = [];
  const keys = classifyMetrics(analysis.metrics);
  // When several statistics state one fact (学习37次 … 专题学习1次), the largest is the total;
  // the others are parts of it and are not compared.
  const headline = new Map<FactKey, number>();
  analysis.metrics.forEach((m, i) => {
    const key = keys[i];
    if (!key || m.value === null || m.section === 'problems' || m.section === 'plans') return;
    const best = headline.get(key);
    if (best === undefined || m.value > analysis.metrics[best]!.value!) headline.set(key, i);
  });
  analysis.metrics.forEach((m, i) => {
    const key = keys[i];
    if (!key || m.value === null || headline.get(key) !== i) return;
    const fact = facts.facts[key];
    const recorded = fact.value;
    let ok: boolean;
    switch (m.approx) {
      case '余': case '多': ok = recorded >= m.value; break;
      case '近': ok = recorded <= m.value && recorded >= m.value * 0.8; break;
      case '约': ok = Math.abs(recorded - m.value) <= m.value * 0.1; break;
      default: ok = Math.abs(recorded - m.value) < 0.05;
    }
    if (ok) return;
    const what = m.what ? `（${m.what}）` : '';
    out.push(recorded === 0
      ? {
          kind: 'record-mismatch', severity: 'error', offset: m.offset, length: m.quote.length,
          message: `“${m.quote}”${what}在记录中找不到：本时段没有${fact.label}的记录`,
          suggestion: '补录相应记录，或删去这一表述',
        }
      : {
          kind: 'record-mismatch', severity: 'error', offset: m.offset, length: m.quote.length,
          message: `“${m.quote}”${what}与记录不符：记录为${fact.value}${fact.unit}（${fact.label}）`,
          suggestion: `${Number.isInteger(recorded) ? recorded : recorded.toFixed(1)}${m.unit}`,
        });
  });
  return out;
}

/**
 * The reporting period a document covers, for comparing it with the records: its year with
 * its period (a quarter, 上半年/下半年, the year). Null when the year or period is unknown or
 * `other`. A half-year is the second half when the title or the body's lead-in says 下半年.
 */
export function documentPeriod(a: SummaryAnalysis): Period | null {
  if (a.year === null || a.period === null || a.year < 1921 || a.year > 2200) return null;
  switch (a.period) {
    case 'annual': return yearPeriod(a.year);
    case 'half-year': {
      const second = /下半年/.test(a.title ?? '') || /下半年/.test(a.bodyPeriod?.quote ?? '');
      return halfYearPeriod(a.year, second ? 2 : 1);
    }
    case 'other': return null;
    default: return quarterPeriod(a.year, Number(a.period.slice(1)));
  }
}
