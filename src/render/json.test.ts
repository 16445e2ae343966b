import { describe, expect, it } from 'vitest';

import type { DraftDocument } from '../domain/report/document.ts';
import { makeLongDraft } from '../../test/factories/draft.ts';
import { numberIndex, renderJson } from './json.ts';

const committee = [{ type: 'activity', id: 'a-1' }, { type: 'activity', id: 'a-2' }] as const;
const doc: DraftDocument = {
  kind: 'quarterly',
  title: '某党支部2023年第三季度工作情况报告',
  orgId: 'org-1',
  orgName: '某党支部',
  period: { kind: 'quarter', year: 2023, quarter: 3, from: '2023-07-01', to: '2023-09-30' },
  blocks: [
    { type: 'title', text: '某党支部2023年第三季度工作情况报告' },
    { type: 'heading', id: 'h-1', level: 1, marker: '一、', text: '主要工作' },
    {
      type: 'paragraph', id: 'p-1', inlines: [
        { type: 'text', text: '召开支委会议' },
        { type: 'number', factKey: 'activities.branchCommitteeMeeting', value: 2, text: '2', unit: '次', sources: [...committee] },
        { type: 'text', text: '，1名预备党员按期转正，' },
        { type: 'number', factKey: 'development.becameFull', value: 1, text: '1', unit: '名', sources: [{ type: 'developmentEvent', id: 'd-1' }] },
        { type: 'text', text: '。' },
      ],
    },
    { type: 'signoff', orgName: '某党支部', date: '2023-10-08', dateText: '2023年10月8日' },
  ],
  couldBeAdded: [{ factKey: null, text: '可补充“我为群众办实事”项目数' }],
};

describe('renderJson', () => {
  it('writes the document model and an index of every number with its paragraph and sources', () => {
    expect(JSON.parse(renderJson(doc))).toEqual({
      format: 'zhibu.draft',
      version: 1,
      document: doc,
      numbers: [
        { factKey: 'activities.branchCommitteeMeeting', value: 2, text: '2', unit: '次', paragraphId: 'p-1', sources: committee },
        { factKey: 'development.becameFull', value: 1, text: '1', unit: '名', paragraphId: 'p-1', sources: [{ type: 'developmentEvent', id: 'd-1' }] },
      ],
      plainText: '某党支部2023年第三季度工作情况报告\n一、主要工作\n召开支委会议2次，1名预备党员按期转正，1名。\n某党支部\n2023年10月8日\n',
    });
  });

  it('is pretty-printed UTF-8 text (Chinese not escaped) ending with a newline', () => {
    const s = renderJson(doc);
    expect(s.endsWith('}\n')).toBe(true);
    expect(s).toContain('"orgName": "某党支部"');
  });

  it('indexes every number of a long draft, each with at least one source, in document order', () => {
    const long = makeLongDraft(3);
    const index = numberIndex(long);
    const inlineCount = long.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines : [])).filter((i) => i.type === 'number').length;
    expect(index).toHaveLength(inlineCount);
    expect(inlineCount).toBe(3 * 2 * 5);
    expect(index.every((n) => n.sources.length > 0)).toBe(true);
    const paragraphIds = long.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.id] : []));
    const positions = index.map((n) => paragraphIds.indexOf(n.paragraphId));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
