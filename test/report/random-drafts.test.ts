/**
 * Over 200 randomized record sets: every sentence of every draft is bound to records or marked as
 * a themes line, every number equals the records of the period (recounted here from the raw
 * records, not from the facts), and no person's name appears in the document that goes upward.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KIND_LIST, type Activity, type ActivityKind, SUMMARY_AREA_LIST } from '../../src/domain/activity/activity.ts';
import { customPeriod, yearPeriod } from '../../src/domain/common/period.ts';
import type { Campaign } from '../../src/domain/campaign/campaign.ts';
import type { Honour } from '../../src/domain/honour/honour.ts';
import type { Member } from '../../src/domain/member/member.ts';
import { soleMembership } from '../../src/domain/member/membership.ts';
import type { Partner } from '../../src/domain/partner/partner.ts';
import type { RectificationItem } from '../../src/domain/rectification/rectification.ts';
import type { ServiceEvaluation, ServiceProject } from '../../src/domain/service-project/service-project.ts';
import { composeDraft } from '../../src/domain/report/compose.ts';
import { inlineText, toPlainText, type Block } from '../../src/domain/report/document.ts';
import { themesFor, validateThemesTable } from '../../src/domain/report/themes.ts';
import { computeFacts, periodRecords, type StatsInput } from '../../src/domain/stats/stats.ts';
import { Rng } from '../../src/app/demo/demo-rng.ts';
import { makeOrg } from '../factories/records.ts';
import themesJson from '../../config/themes.json' with { type: 'json' };

const table = validateThemesTable(themesJson);
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '岩', '玉', '刀', '白'];
const GIVEN = ['建国', '秀兰', '志明', '丽娟', '海峰', '春燕', '温罕', '香', '永刚', '晓燕', '文杰', '慧敏'];
const TITLES = ['学习党的二十大报告', '走访慰问困难群众', '清洁家园志愿服务', '专题研讨会', '廉政教育', '政策宣讲进社区', '读书分享会', '规范化建设自查'];

function randomSet(seed: number) {
  const rng = new Rng(`random-drafts-${seed}`);
  const org = makeOrg({ name: '随机党支部' });
  const id = (k: string) => `${seed}-${k}`;
  const names = new Set<string>();
  const members: Member[] = Array.from({ length: rng.int(3, 15) }, (_, i) => {
    let name: string;
    do name = rng.pick(SURNAMES) + rng.pick(GIVEN); while (names.has(name));
    names.add(name);
    const m = {
      id: id(`m${i}`), orgId: org.id, subgroupId: null, name, gender: 'male' as const, ethnicity: '汉族', birthDate: '1980-01-01', education: null,
      category: 'full' as const, appliedOn: '2000-01-01', admittedOn: '2001-01-01', fullOn: '2002-01-01', status: 'normal' as const, leftOn: null,
      positions: i === 0 ? ['secretary' as const] : i === 1 ? ['deputySecretary' as const] : [],
    };
    return { ...m, memberships: [soleMembership(m, id(`p${i}`), '2001-01-01', 'initial')] };
  });
  const year = rng.pick([2023, 2024, 2025]);
  const period = rng.chance(0.5) ? yearPeriod(year) : customPeriod(`${year}-01-01`, `${year}-${String(rng.int(3, 11)).padStart(2, '0')}-10`);
  const day = () => `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const nameOrTitle = () => (rng.chance(0.2) ? `与${rng.pick(members).name}同志${rng.pick(TITLES)}` : rng.pick(TITLES) + rng.int(1, 50));
  const campaigns: Campaign[] = Array.from({ length: rng.int(0, 3) }, (_, i) => ({
    id: id(`c${i}`), orgId: org.id, kind: 'other', name: `专项工作${i}`, area: rng.pick(SUMMARY_AREA_LIST), from: day(), to: null,
    result: rng.chance(0.5) ? `完成任务${rng.int(1, 9)}项${rng.chance(0.3) ? `，${rng.pick(members).name}获表扬` : ''}` : null,
  }));
  const activities: Activity[] = Array.from({ length: rng.int(0, 80) }, (_, i) => {
    const kind: ActivityKind = rng.pick(ACTIVITY_KIND_LIST);
    const present = rng.sample(members, rng.int(0, members.length));
    return {
      id: id(`a${i}`), orgId: org.id, kind, date: day(), title: nameOrTitle(), location: null, chairMemberId: null,
      lecturerMemberId: kind === 'partyLecture' && rng.chance(0.7) ? rng.pick(members).id : null,
      lecturerName: kind === 'partyLecture' && rng.chance(0.3) ? '王教授' : null, minutes: null,
      agendaItems: rng.chance(0.4) ? [{ title: '第一议题', isFirstAgendaItem: true }] : [],
      attendance: present.map((m) => ({ memberId: m.id, status: 'present' as const, reason: null })),
      nonMemberParticipants: rng.chance(0.3) ? rng.int(1, 5) : 0, studyHours: rng.int(0, 4),
      area: rng.chance(0.3) ? rng.pick(SUMMARY_AREA_LIST) : null, campaignId: campaigns.length > 0 && rng.chance(0.2) ? rng.pick(campaigns).id : null,
      result: rng.chance(0.3) ? (rng.chance(0.3) ? `${rng.pick(members).name}作交流发言` : `解决问题${rng.int(1, 20)}个`) : null, highlight: rng.chance(0.1),
    };
  });
  const serviceProjects: ServiceProject[] = Array.from({ length: rng.int(0, 6) }, (_, i) => {
    const started = day();
    const done = rng.chance(0.5);
    return {
      id: id(`p${i}`), orgId: org.id, campaignId: null, title: nameOrTitle(), needSource: 'masses', responsible: rng.pick(members).name,
      startedOn: started, deadline: `${year}-12-31`, status: done ? 'done' : 'inProgress', doneOn: done ? started : null,
      peopleServed: rng.chance(0.5) ? rng.int(1, 300) : null, result: rng.chance(0.5) ? '群众满意' : null,
    };
  });
  const evaluations: ServiceEvaluation[] = serviceProjects.flatMap((p) => Array.from({ length: rng.int(0, 6) }, (_, i) => ({
    id: id(`e${p.id}${i}`), projectId: p.id, rating: rng.pick(['satisfied', 'basicallySatisfied', 'dissatisfied'] as const), comment: null, date: day(),
  })));
  const rectificationItems: RectificationItem[] = Array.from({ length: rng.int(0, 6) }, (_, i) => {
    const found = day();
    const closed = rng.chance(0.5);
    return {
      id: id(`r${i}`), orgId: org.id, campaignId: null, problem: nameOrTitle(), source: 'selfInspection', foundOn: found, measures: '逐项整改',
      responsible: rng.pick(members).name, deadline: `${year}-12-31`, status: closed ? 'closed' : 'open', evidence: closed ? '记录' : null, closedOn: closed ? found : null,
    };
  });
  const partners: Partner[] = rng.chance(0.3) ? [{ id: id('partner'), orgId: org.id, name: '某社区党总支', agreementDate: day(), content: null }] : [];
  const honours: Honour[] = Array.from({ length: rng.int(0, 2) }, (_, i) => ({
    id: id(`h${i}`), orgId: org.id, title: rng.chance(0.5) ? '先进基层党组织' : '优秀共产党员', awardedBy: null, date: day(),
    recipient: i === 0 ? 'organization' : 'member', memberId: i === 0 ? null : rng.pick(members).id,
  }));
  const input: StatsInput = {
    orgId: org.id, includeSubtree: false, period, organizations: [org], members, activities, developmentEvents: [],
    campaigns, serviceProjects, evaluations, rectificationItems, partners, honours,
  };
  return { org, members, input, period };
}

describe('drafts over 200 randomized record sets', () => {
  it('bind every sentence, state numbers equal to the records of the period, and name no one', () => {
    for (let seed = 0; seed < 200; seed++) {
      const { org, members, input, period } = randomSet(seed);
      const facts = computeFacts(input);
      const recs = periodRecords(input);
      const draft = composeDraft({
        kind: 'annual', facts, org: { id: org.id, name: org.name, type: org.type }, parentOrgName: '某党委', themes: themesFor(table, period.year),
        signoffDate: period.to, records: { ...recs, members, organizations: [org], privateNames: members.map((m) => m.name).concat(['王教授']) },
      });
      const text = toPlainText(draft);
      for (const m of members) expect(text, `seed ${seed}: ${m.name}`).not.toContain(m.name);
      expect(text).not.toContain('王教授');

      // Records of the period, recounted from the raw input.
      const inPeriod = input.activities.filter((a) => a.date >= period.from && a.date <= period.to);
      const known = new Set([
        ...inPeriod.map((a) => a.id), ...members.map((m) => m.id), org.id, ...recs.campaigns.map((c) => c.id), ...recs.serviceProjects.map((p) => p.id),
        ...recs.evaluations.map((e) => e.id), ...recs.rectificationItems.map((r) => r.id), ...recs.partners.map((p) => p.id), ...recs.honours.map((h) => h.id),
      ]);
      const recount: Record<string, number> = {
        'activities.themedPartyDay': inPeriod.filter((a) => a.kind === 'themedPartyDay').length,
        'activities.partyLecture': inPeriod.filter((a) => a.kind === 'partyLecture').length,
        volunteerServices: inPeriod.filter((a) => a.kind === 'volunteerService').length,
        'volunteerParticipations.nonMembers': inPeriod.filter((a) => a.kind === 'volunteerService').reduce((s, a) => s + a.nonMemberParticipants, 0),
        'volunteerParticipations.members': inPeriod.filter((a) => a.kind === 'volunteerService').reduce((s, a) => s + a.attendance.length, 0),
        'serviceEvaluations': input.evaluations!.filter((e) => e.date >= period.from && e.date <= period.to && recs.serviceProjects.some((p) => p.id === e.projectId)).length,
        'rectification.open': input.rectificationItems!.filter((r) => r.foundOn <= period.to && (r.status === 'open' || r.closedOn! > period.to)).length,
        'honours': input.honours!.filter((h) => h.date >= period.from && h.date <= period.to).length,
      };
      for (const b of draft.blocks.filter((x): x is Extract<Block, { type: 'paragraph' }> => x.type === 'paragraph')) {
        expect(b.sentences!.map((s) => s.text).join('')).toBe(inlineText(b.inlines));
        for (const s of b.sentences!) {
          if (s.binding.kind === 'records') {
            expect(s.binding.sources.length, `seed ${seed}: ${s.text}`).toBeGreaterThan(0);
            for (const src of s.binding.sources) expect(known.has(src.id), `seed ${seed}: ${src.type} ${src.id} in “${s.text}”`).toBe(true);
          } else expect(s.binding.key, `seed ${seed}: ${s.text}`).not.toBe('unbound');
        }
        for (const n of b.inlines) {
          if (n.type !== 'number') continue;
          expect(n.value, `seed ${seed}: ${n.factKey}`).toBeGreaterThan(0);
          if (n.factKey.startsWith('records.')) expect(n.value).toBe(n.sources.length);
          else if (!n.factKey.startsWith('findings.')) expect(n.value).toBe(facts.facts[n.factKey as keyof typeof facts.facts].value);
          if (n.factKey in recount) expect(n.value, `seed ${seed}: ${n.factKey}`).toBe(recount[n.factKey]);
        }
      }
    }
  });
});
