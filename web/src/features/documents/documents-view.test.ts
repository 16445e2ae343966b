import { describe, expect, it } from 'vitest';
import type { DocFindingItem } from './types.ts';
import {
  contentTypeOf, DOCX_MIME, excerptAt, fileKind, kindCounts, matchOrg, orderFindings, orgAndDescendants,
  periodText, severityCounts, STAT_COLUMNS, statCell, visibleStatColumns, yearPeriodText,
} from './documents-view.ts';

function finding(over: Partial<DocFindingItem> = {}): DocFindingItem {
  return { kind: 'placeholder', severity: 'error', offset: 0, length: 1, line: 1, column: 1, message: '残留占位符“X”', suggestion: null, ...over };
}

describe('files', () => {
  it('accepts .docx and .txt whatever the case, and sends each with its content type', () => {
    expect(fileKind('总结.DOCX')).toBe('docx');
    expect(fileKind('000_seed.txt')).toBe('text');
    expect(fileKind('总结.doc')).toBeNull();
    expect(contentTypeOf('a.docx')).toBe(DOCX_MIME);
    expect(contentTypeOf('a.txt')).toBe('text/plain; charset=utf-8');
    expect(contentTypeOf('a.pdf')).toBeNull();
  });
});

describe('table cells', () => {
  it('shows a number, 未填 for a placeholder and nothing for a statistic not stated', () => {
    const row = { stats: { 'activities.themedPartyDay': null, studySessions: 37 } };
    expect(statCell(row, 'studySessions')).toEqual({ kind: 'value', value: 37 });
    expect(statCell(row, 'activities.themedPartyDay')).toEqual({ kind: 'placeholder' });
    expect(statCell(row, 'volunteerServices')).toEqual({ kind: 'absent' });
  });

  it('keeps only the columns some row states, in the table order, with the unit apart', () => {
    const cols = visibleStatColumns([{ stats: { studySessions: 1 } }, { stats: { 'activities.branchCommitteeMeeting': null } }]);
    expect(cols.map((c) => c.key)).toEqual(['activities.branchCommitteeMeeting', 'studySessions']);
    expect(cols[0]).toMatchObject({ label: '支委会', unit: '次' });
    expect(STAT_COLUMNS.find((c) => c.key === 'studyParticipations')).toMatchObject({ label: '参学', unit: '人次' });
  });

  it('names the periods in Chinese', () => {
    expect(periodText('Q3')).toBe('第三季度');
    expect(periodText('half-year')).toBe('半年');
    expect(periodText('annual')).toBe('年度');
    expect(periodText(null)).toBe('未识别');
    expect(yearPeriodText({ year: 2023, period: 'Q3' })).toBe('2023年第三季度');
    expect(yearPeriodText({ year: 2025, period: 'annual' })).toBe('2025年度');
    expect(yearPeriodText({ year: null, period: 'annual' })).toBe('年度');
  });
});

describe('findings', () => {
  it('puts errors first, then warnings, then notes, each in the server’s ranking', () => {
    const list = [
      finding({ severity: 'warning', offset: 5 }), finding({ severity: 'info', offset: 1 }),
      finding({ severity: 'error', offset: 90, kind: 'formulation' }), finding({ severity: 'error', offset: 3 }),
    ];
    expect(orderFindings(list).map((f) => `${f.severity}@${f.offset}`)).toEqual(['error@90', 'error@3', 'warning@5', 'info@1']);
  });

  it('counts the kinds present, most frequent first', () => {
    const list = [finding(), finding({ kind: 'period-mismatch' }), finding(), finding({ kind: 'typo', severity: 'warning' })];
    expect(kindCounts(list)).toEqual([
      { kind: 'placeholder', label: '占位符', count: 2 },
      { kind: 'period-mismatch', label: '时段不一致', count: 1 },
      { kind: 'typo', label: '错别字', count: 1 },
    ]);
  });

  it('counts errors and warnings, not notes', () => {
    expect(severityCounts({ findings: [finding(), finding({ severity: 'warning' }), finding({ severity: 'info' }), finding()] })).toEqual({ errors: 2, warnings: 1 });
    expect(severityCounts(null)).toEqual({ errors: 0, warnings: 0 });
  });

  it('quotes the text around a finding without crossing line ends', () => {
    const text = 'XX党支部2023年工作总结\n　　第三季度，支部共开展主题党日X次，学习X项。\n二、存在问题';
    const offset = text.indexOf('X次');
    const ex = excerptAt(text, offset, 1, 6)!;
    expect(ex).toEqual({ before: '开展主题党日', match: 'X', after: '次，学习X项', cutBefore: true, cutAfter: true });
    const head = excerptAt(text, 0, 2)!;
    expect(head).toMatchObject({ before: '', match: 'XX', after: '党支部2023年工作总结', cutBefore: false, cutAfter: false });
    expect(excerptAt(text, text.length + 5, 1)).toBeNull();
  });
});

describe('organizations', () => {
  const orgs = [
    { id: 'c', parentId: null, name: '州直机关党委' },
    { id: 'a', parentId: 'c', name: '州审计局党支部' },
    { id: 'g', parentId: 'a', name: '州审计局党支部第一党小组' },
    { id: 'f', parentId: 'c', name: '州财政局党支部' },
    { id: 'x', parentId: null, name: '另一个党委' },
  ];

  it('lists an organization with everything under it', () => {
    expect(orgAndDescendants(orgs, 'c').map((o) => o.id)).toEqual(['c', 'a', 'f', 'g']);
    expect(orgAndDescendants(orgs, 'a').map((o) => o.id)).toEqual(['a', 'g']);
    expect(orgAndDescendants(orgs, 'nope')).toEqual([]);
  });

  it('matches the organization a document names, with or without 中共, and never a template name', () => {
    expect(matchOrg('中共州审计局党支部', orgs)?.id).toBe('a');
    expect(matchOrg('州财政局党支部', orgs)?.id).toBe('f');
    expect(matchOrg('XX党支部', orgs)).toBeNull();
    expect(matchOrg('州税务局党支部', orgs)).toBeNull();
    expect(matchOrg(null, orgs)).toBeNull();
  });
});
