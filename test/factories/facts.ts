/**
 * Facts factories for report tests: exact values (`makeFacts`) or randomized ones from a seeded
 * generator (`randomFacts`, for round-trip and property tests).
 */
import { ACTIVITY_KINDS, ACTIVITY_KIND_LIST } from '../../src/domain/activity/activity.ts';
import { yearPeriod, type Period } from '../../src/domain/common/period.ts';
import { DEVELOPMENT_STEPS, DEVELOPMENT_STEP_LIST } from '../../src/domain/development/development.ts';
import type { Fact, FactKey, FactUnit, Facts } from '../../src/domain/stats/facts.ts';
import { Rng } from '../../src/app/demo/demo-rng.ts';

const META: Array<[FactKey, string, FactUnit]> = [
  ...ACTIVITY_KIND_LIST.map((k): [FactKey, string, FactUnit] => [`activities.${k}`, ACTIVITY_KINDS[k], '次']),
  ['activities.all', '各类活动', '次'],
  ['participations', '参与', '人次'],
  ['distinctParticipants', '参与党员', '人'],
  ['attendanceRate', '组织生活出勤率', '%'],
  ['secretaryPartyLectures', '书记讲党课', '次'],
  ['firstAgendaItems', '“第一议题”学习', '项'],
  ['studySessions', '各类学习', '次'],
  ['studyParticipations', '参与学习', '人次'],
  ['averageStudyHours', '党员人均学习', '学时'],
  ['volunteerServices', '志愿服务', '次'],
  ['volunteerParticipations', '参与志愿服务', '人次'],
  ...DEVELOPMENT_STEP_LIST.map((k): [FactKey, string, FactUnit] => [`development.${k}`, DEVELOPMENT_STEPS[k], '名']),
  ['members.full', '正式党员', '名'],
  ['members.probationary', '预备党员', '名'],
  ['members.total', '党员', '名'],
  ['participations.members', '党员参与', '人次'],
  ['participations.nonMembers', '群众参与', '人次'],
  ['studyParticipations.members', '党员参与', '人次'],
  ['studyParticipations.nonMembers', '群众参与', '人次'],
  ['volunteerParticipations.members', '党员参与', '人次'],
  ['volunteerParticipations.nonMembers', '群众参与', '人次'],
  ['serviceProjects', '“我为群众办实事”项目', '项'],
  ['serviceProjects.done', '办结“我为群众办实事”项目', '项'],
  ['serviceProjects.peopleServed', '服务群众', '人'],
  ['serviceEvaluations', '群众评议', '人次'],
  ['serviceEvaluations.satisfied', '评价满意和基本满意', '人次'],
  ['serviceEvaluations.satisfactionRate', '群众满意率', '%'],
  ['rectification.total', '整改事项', '项'],
  ['rectification.closed', '已对账销号', '项'],
  ['rectification.open', '尚在整改', '项'],
  ['campaigns', '专项工作', '项'],
  ['partners', '结对共建单位', '个'],
  ['honours', '表彰和荣誉', '项'],
  ['branches', '党支部', '个'],
  ['dues.collectedYuan', '收缴党费', '元'],
  ['dues.collectionRate', '党费收缴率', '%'],
];

/** Facts with the given values (others 0); each non-zero fact gets one fake source per unit of value (max 3). */
export function makeFacts(values: Partial<Record<FactKey, number>>, period: Period = yearPeriod(2023), orgId = '00000000-0000-4000-8000-0000000000aa'): Facts {
  const facts = {} as Record<FactKey, Fact>;
  for (const [key, label, unit] of META) {
    const value = values[key] ?? 0;
    const n = Math.min(3, Math.ceil(value));
    facts[key] = { key, label, value, unit, sources: Array.from({ length: n }, (_, i) => ({ type: 'activity' as const, id: `${key}-${i}` })) };
  }
  return { orgId, includeSubtree: false, period, asOf: period.to, facts };
}

/** A seeded generator of numbers in [0, 1), the demo data's PRNG, so randomized tests are reproducible. */
export function seededRandom(seed: number): () => number {
  const rng = new Rng(`test-${seed}`);
  return () => rng.next();
}

/** Random but consistent facts: counts 0–40 (often 0, to exercise omissions), rates with one decimal. */
export function randomFacts(rand: () => number, period: Period = yearPeriod(2023)): Facts {
  const int = (max: number, zeroChance = 0.25) => (rand() < zeroChance ? 0 : 1 + Math.floor(rand() * max));
  const values: Partial<Record<FactKey, number>> = {};
  for (const k of ACTIVITY_KIND_LIST) values[`activities.${k}`] = int(20);
  values.studySessions = int(40);
  values.studyParticipations = values.studySessions ? values.studySessions * (1 + Math.floor(rand() * 20)) : 0;
  values.volunteerServices = int(80);
  values.volunteerParticipations = values.volunteerServices ? values.volunteerServices + Math.floor(rand() * 200) : 0;
  values.firstAgendaItems = int(30);
  values.secretaryPartyLectures = values['activities.partyLecture'] ? Math.floor(rand() * (values['activities.partyLecture'] + 1)) : 0;
  values.attendanceRate = rand() < 0.2 ? 0 : Math.round((60 + rand() * 40) * 10) / 10;
  values.averageStudyHours = rand() < 0.2 ? 0 : Math.round(rand() * 600) / 10;
  for (const k of DEVELOPMENT_STEP_LIST) values[`development.${k}`] = int(4, 0.5);
  values['members.full'] = 3 + Math.floor(rand() * 45);
  values['members.probationary'] = int(3, 0.5);
  values['members.total'] = values['members.full'] + values['members.probationary'];
  values['dues.collectedYuan'] = rand() < 0.3 ? 0 : Math.round(rand() * 5_000_000) / 100;
  values['dues.collectionRate'] = values['dues.collectedYuan'] ? Math.round((80 + rand() * 20) * 10) / 10 : 0;
  return makeFacts(values, period);
}
