/**
 * Round trip (issue 5, item 3): Zhibu's own drafts, composed from randomized facts, read back
 * with exactly the outline and statistics they were composed from — and agree with the facts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSummary } from '../../src/domain/analysis/analyze.ts';
import { proofreadSummary } from '../../src/domain/analysis/proofread.ts';
import { compareWithFacts } from '../../src/domain/analysis/record-check.ts';
import { customPeriod, halfYearPeriod, quarterPeriod, yearPeriod, type Period } from '../../src/domain/common/period.ts';
import { composeDraft } from '../../src/domain/report/compose.ts';
import { toPlainText, type SummaryKind } from '../../src/domain/report/document.ts';
import { themesFor, validateThemesTable } from '../../src/domain/report/themes.ts';
import { randomFacts, seededRandom } from '../factories/facts.ts';
import themesJson from '../../config/themes.json' with { type: 'json' };

const table = validateThemesTable(themesJson);
const ORGS = [
  { id: '00000000-0000-4000-8000-0000000000aa', name: '州审计局党支部', type: 'partyBranch' as const },
  { id: '00000000-0000-4000-8000-0000000000bb', name: '州直机关第一党总支', type: 'generalPartyBranch' as const },
  { id: '00000000-0000-4000-8000-0000000000cc', name: '市交通运输局机关党委', type: 'primaryPartyCommittee' as const },
];
const PERIOD_OF: Record<string, string> = { year: 'annual', custom: 'annual', half: 'half-year' };

function randomDraftInput(rand: () => number) {
  const year = 2023 + Math.floor(rand() * 4);
  const kinds: SummaryKind[] = ['annual', 'annual-plan', 'quarterly', 'half-year'];
  const kind = kinds[Math.floor(rand() * kinds.length)]!;
  let period: Period;
  if (kind === 'quarterly') period = quarterPeriod(year, 1 + Math.floor(rand() * 4));
  else if (kind === 'half-year') period = halfYearPeriod(year, 1 + Math.floor(rand() * 2));
  else period = rand() < 0.3 ? customPeriod(`${year}-01-01`, `${year}-11-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`) : yearPeriod(year);
  const facts = randomFacts(rand, period);
  const org = ORGS[Math.floor(rand() * ORGS.length)]!;
  return {
    kind, facts, org, parentOrgName: rand() < 0.5 ? '州直机关工委' : null,
    themes: themesFor(table, year), nextYearThemes: themesFor(table, year + 1), signoffDate: period.to,
  };
}

describe('round trip: composeDraft → toPlainText → analyzeSummary', () => {
  const rand = seededRandom(20231110);
  const cases = Array.from({ length: 240 }, () => randomDraftInput(rand));

  it('returns the draft’s headings and number inlines for 240 randomized drafts', () => {
    let total = 0;
    for (const input of cases) {
      const draft = composeDraft(input);
      const text = toPlainText(draft);
      const a = analyzeSummary(text);
      const headings = draft.blocks.flatMap((b) => (b.type === 'heading' ? [{ level: b.level, marker: b.marker, text: b.text }] : []));
      expect(a.outline.map((h) => ({ level: h.level, marker: h.marker, text: h.text }))).toEqual(headings);
      const numbers = draft.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines.flatMap((i) => (i.type === 'number' ? [{ value: i.value, unit: i.unit, quote: i.text + i.unit }] : [])) : []));
      expect(a.metrics.map((m) => ({ value: m.value, unit: m.unit, quote: m.quote }))).toEqual(numbers);
      total += numbers.length;
      expect(a.title).toBe(draft.title);
      expect(a.org).toBe(input.org.name);
      expect(a.year).toBe(input.facts.period.year);
      const p = input.facts.period;
      expect(a.period).toBe(p.kind === 'quarter' ? `Q${p.quarter}` : PERIOD_OF[p.kind]);
      expect(a.placeholders).toEqual([]);
    }
    expect(total).toBeGreaterThan(240 * 8);
    expect(new Set(cases.map((c) => c.kind)).size).toBe(4);
  });

  it('maps every statistic of a draft to the fact it came from, so the records agree', () => {
    for (const input of cases) {
      const draft = composeDraft(input);
      const a = analyzeSummary(toPlainText(draft));
      expect(compareWithFacts(a, input.facts)).toEqual([]);
    }
  });

  it('finds a changed number when the text disagrees with the records', () => {
    const input = cases.find((c) => c.facts.facts['activities.branchCommitteeMeeting'].value > 1)!;
    const text = toPlainText(composeDraft(input));
    const n = input.facts.facts['activities.branchCommitteeMeeting'].value;
    const changed = text.replace(`支部委员会会议${n}次`, `支部委员会会议${n + 5}次`);
    const findings = compareWithFacts(analyzeSummary(changed), input.facts);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'record-mismatch', suggestion: `${n}次` });
    expect(changed.slice(findings[0]!.offset, findings[0]!.offset + findings[0]!.length)).toBe(`${n + 5}次`);
  });

  it('raises no error or warning on Zhibu’s own drafts', () => {
    for (const input of cases.slice(0, 60)) {
      const findings = proofreadSummary(toPlainText(composeDraft(input)), { facts: input.facts });
      expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    }
  });
});
