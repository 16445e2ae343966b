import { describe, expect, it } from 'vitest';
import { customPeriod, halfYearPeriod, quarterPeriod, yearPeriod } from '../common/period.ts';
import { ValidationError } from '../errors.ts';
import { makeFacts, randomFacts, seededRandom } from '../../../test/factories/facts.ts';
import { composeDraft, type DraftInput } from './compose.ts';
import { inlineText, toPlainText, type DraftDocument } from './document.ts';
import type { FactKey } from '../stats/facts.ts';
import { themesFor, validateThemesTable } from './themes.ts';
import themesJson from '../../../config/themes.json' with { type: 'json' };

const table = validateThemesTable(themesJson);
const branch = { id: '00000000-0000-4000-8000-0000000000aa', name: '州审计局党支部', type: 'partyBranch' as const };

function draft(over: Partial<DraftInput> & Pick<DraftInput, 'facts'>): DraftDocument {
  return composeDraft({
    kind: 'annual', org: branch, parentOrgName: '州直机关党委', themes: themesFor(table, over.facts.period.year),
    signoffDate: over.facts.period.to, ...over,
  });
}

const seedFacts = makeFacts({
  'activities.branchCommitteeMeeting': 12, 'activities.generalMembershipMeeting': 13, 'activities.themedPartyDay': 12,
  studySessions: 37, studyParticipations: 301, volunteerServices: 77, volunteerParticipations: 224,
  'development.becameFull': 1, 'development.admittedProbationary': 1, 'members.total': 22, 'members.full': 21, 'members.probationary': 1,
  'activities.partyLecture': 5, secretaryPartyLectures: 2, attendanceRate: 93.4,
}, customPeriod('2023-01-01', '2023-11-10'));

function numbers(doc: DraftDocument) {
  return doc.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines.filter((i) => i.type === 'number') : []));
}

describe('composeDraft', () => {
  it('states every seed number of the audit bureau branch with its unit, bound to its fact', () => {
    const doc = draft({ facts: seedFacts });
    const text = toPlainText(doc);
    for (const s of ['支部委员会会议12次', '支部党员大会13次', '主题党日活动12次', '各类学习37次', '参与301人次', '志愿服务77次', '参与224人次', '接收预备党员1名', '1名预备党员转为正式党员']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('截至11月10日');
    expect(doc.title).toBe('州审计局党支部2023年度党建工作总结');
    const n = numbers(doc).find((i) => i.type === 'number' && i.factKey === 'activities.branchCommitteeMeeting');
    expect(n).toMatchObject({ value: 12, text: '12', unit: '次' });
    expect(n && n.type === 'number' && n.sources.length).toBeGreaterThan(0);
  });

  it('has the genre structure: title, opening ending in a lead-in, 一 二 三 with （一）… subsections, sign-off', () => {
    const doc = draft({ facts: seedFacts });
    const outline = doc.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? `${b.level}:${b.marker}` : ''));
    expect(outline.filter((o) => o.startsWith('1:'))).toEqual(['1:一、', '1:二、', '1:三、']);
    expect(outline.slice(1, 4)).toEqual(['2:（一）', '2:（二）', '2:（三）']);
    const opening = doc.blocks[1];
    expect(opening?.type === 'paragraph' && inlineText(opening.inlines)).toMatch(/在州直机关党委的坚强领导下.*如下：$/);
    expect(doc.blocks.at(-1)).toEqual({ type: 'signoff', orgName: '州审计局党支部', date: '2023-11-10', dateText: '2023年11月10日' });
  });

  it('leaves out statements without data and lists them as could-be-added, never a placeholder', () => {
    const doc = draft({ facts: makeFacts({ 'activities.themedPartyDay': 3, 'members.total': 5, 'members.full': 5 }) });
    const text = toPlainText(doc);
    expect(text).not.toMatch(/[XＸ×]{1,3}|\*\*\*|0次|0人次|0名/);
    expect(text.slice(0, text.indexOf('二、存在'))).not.toContain('志愿服务');
    expect(doc.couldBeAdded.map((c) => c.factKey)).toEqual(expect.arrayContaining(['volunteerServices', 'studySessions', 'firstAgendaItems']));
    expect(text).toContain('主题党日活动3次');
  });

  it('never writes a number that is not a fact, and writes every number as Arabic digits with a full-width context', () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 100; i++) {
      const facts = randomFacts(rand);
      const doc = draft({ facts });
      for (const n of numbers(doc)) {
        if (n.type !== 'number') continue;
        expect(n.value).toBe(facts.facts[n.factKey as FactKey].value);
        expect(n.value).toBeGreaterThan(0);
        expect(n.text).toMatch(/^\d+(\.\d{1,2})?$/);
      }
      const text = toPlainText(doc);
      expect(text).not.toMatch(/[\u4e00-\u9fff][,:;()][\u4e00-\u9fff]/); // no half-width punctuation in Chinese
      expect(text).not.toMatch(/(\d)年0\d月/);
      // Digits in the text appear only inside number inlines, the dates of the period and the sign-off.
      const paragraphs = doc.blocks.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.inlines : []));
      for (const inl of paragraphs.flat()) {
        if (inl.type === 'text') expect(inl.text.replace(/\d{4}年(\d{1,2}月\d{1,2}日)?|\d{1,2}月\d{1,2}日/g, '')).not.toMatch(/\d/);
      }
    }
  });

  it('writes a quarterly report with next quarter’s plan, and a half-year summary', () => {
    const q = draft({ kind: 'quarterly', facts: makeFacts({ 'activities.themedPartyDay': 3 }, quarterPeriod(2023, 3)) });
    expect(q.title).toBe('州审计局党支部2023年第三季度党建工作情况报告');
    expect(toPlainText(q)).toContain('一、第三季度主要工作情况');
    expect(toPlainText(q)).toContain('三、第四季度工作计划');
    expect(toPlainText(q)).toContain('第三季度，支部开展主题党日活动3次');
    const h = draft({ kind: 'half-year', facts: makeFacts({ volunteerServices: 2 }, halfYearPeriod(2024, 1)) });
    expect(h.title).toBe('州审计局党支部2024年上半年党建工作总结');
    expect(toPlainText(h)).toContain('现将上半年工作总结如下：');
  });

  it('writes the annual summary with next year’s plan in two parts', () => {
    const doc = draft({ kind: 'annual-plan', facts: makeFacts({ studySessions: 4 }, yearPeriod(2023)), nextYearThemes: themesFor(table, 2024) });
    expect(doc.title).toBe('州审计局党支部2023年党建工作总结及2024年工作计划');
    const parts = doc.blocks.filter((b) => b.type === 'part').map((b) => (b.type === 'part' ? b.text : ''));
    expect(parts).toEqual(['第一部分　2023年党建工作总结', '第二部分　2024年工作计划']);
    expect(toPlainText(doc)).toContain('党纪学习教育');
  });

  it('speaks as of the cut-off day for a year not over yet', () => {
    const facts = { ...makeFacts({ 'activities.themedPartyDay': 10, 'members.total': 5, 'members.full': 5 }, yearPeriod(2026)), asOf: '2026-11-23' };
    const text = toPlainText(draft({ facts, signoffDate: '2026-11-23' }));
    expect(text).toContain('截至11月23日，支部开展主题党日活动10次');
    expect(text).toContain('现将2026年以来工作总结如下：');
    expect(text).toContain('截至2026年11月23日，支部共有党员5名');
    expect(text).not.toContain('一年来');
  });

  it('refuses a kind that does not fit the period', () => {
    expect(() => draft({ kind: 'quarterly', facts: makeFacts({}, yearPeriod(2023)) })).toThrow(ValidationError);
  });

  it('names the committee’s branches for a 党委', () => {
    const doc = draft({
      org: { id: 'x', name: '州直机关党委', type: 'primaryPartyCommittee' }, parentOrgName: null,
      facts: makeFacts({ branches: 3, 'members.total': 60, 'activities.branchCommitteeMeeting': 30 }),
    });
    const text = toPlainText(doc);
    expect(text).toContain('下设党支部3个');
    expect(text).toContain('所属党组织召开支部委员会会议30次');
    expect(text).toMatch(/^2023年，州直机关党委坚持/m);
  });
});

describe('problems from findings', () => {
  const finding = (ruleId: string, orgId: string, period: string, message: string, recordIds: string[] = []) =>
    ({ ruleId, severity: 'warning' as const, orgId, period, message, recordIds, citation: '' }) as unknown as import('../regulations/finding.ts').Finding;

  it('states what the records show was missed, counts members under 32 学时 with their ids, and answers each in next steps', () => {
    const doc = draft({
      facts: seedFacts,
      findings: [
        finding('BR-09', branch.id, '2023-07', '2023年7月未召开支部委员会会议（支委会一般每月召开1次）'),
        finding('EDU-07', branch.id, '2023', '张三2023年集中学习培训20学时，不足32学时', ['m1']),
        finding('EDU-07', branch.id, '2023', '李四2023年集中学习培训12学时，不足32学时', ['m2']),
      ],
    });
    const text = toPlainText(doc);
    expect(text).toContain('一是组织生活制度落实还不够到位，2023年7月未召开支部委员会会议；二是党员教育培训抓得还不够实，2名党员全年集中学习培训不足32学时。');
    expect(text).not.toContain('支委会一般每月召开1次');
    const count = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines : [])).find((i) => i.type === 'number' && i.factKey === 'findings.EDU-07');
    expect(count).toMatchObject({ value: 2, sources: [{ type: 'member', id: 'm1' }, { type: 'member', id: 'm2' }] });
    expect(text).toContain('（一）严格落实组织生活制度');
    expect(text).toContain('（二）抓实党员教育培训');
    expect(text).not.toContain('理论学习的深度和系统性还有差距'); // generic problems only without findings
  });

  it('names the branch in a 党委 summary', () => {
    const doc = draft({
      org: { id: 'top', name: '州直机关党委', type: 'primaryPartyCommittee' }, parentOrgName: null, facts: seedFacts,
      findings: [finding('ELE-01', 'b2', '2025', '州统计局党支部委员会任期已于2025-03-15届满，超过一年仍未换届'), finding('BR-09', 'b3', '2026-07', '2026年7月未召开支部委员会会议（支委会一般每月召开1次）')],
      orgNames: new Map([['b2', '州统计局党支部'], ['b3', '州财政局党支部']]),
    });
    const text = toPlainText(doc);
    expect(text).toContain('组织生活制度落实还不够到位，州财政局党支部2026年7月未召开支部委员会会议');
    expect(text).toContain('组织设置和换届工作还有薄弱环节，州统计局党支部委员会任期已于2025年3月15日届满，超过一年仍未换届。');
  });
});
