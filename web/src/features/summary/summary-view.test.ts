import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../../src/domain/report/document.ts';
import { recordIdsParam, segmentsChanged, segmentsOf, summaryRequest, withSegments } from './summary-view.ts';

const num = (text: string, unit = '次'): Inline => ({ type: 'number', factKey: 'activities.all', value: Number(text), text, unit, sources: [] });

describe('segmentsOf', () => {
  it('gives one more text segment than numbers, joining adjacent texts', () => {
    const { texts, numbers } = segmentsOf([{ type: 'text', text: '全年召开' }, { type: 'text', text: '支委会' }, num('12'), { type: 'text', text: '。' }]);
    expect(texts).toEqual(['全年召开支委会', '。']);
    expect(numbers.map((n) => n.text)).toEqual(['12']);
  });
  it('has empty segments at the edges and between adjacent numbers', () => {
    expect(segmentsOf([num('1'), num('2')]).texts).toEqual(['', '', '']);
  });
});

describe('withSegments', () => {
  it('puts new texts around the same numbers and drops empty text', () => {
    const p: Inline[] = [{ type: 'text', text: '召开' }, num('4'), { type: 'text', text: '。' }];
    const out = withSegments(p, ['共召开', '，均有记录。']);
    expect(out.map((i) => (i.type === 'text' ? i.text : `#${i.text}`))).toEqual(['共召开', '#4', '，均有记录。']);
    expect(withSegments(p, ['', '']).map((i) => i.type)).toEqual(['number']);
  });
  it('refuses a wrong number of segments', () => {
    expect(() => withSegments([num('4')], ['a'])).toThrow(RangeError);
  });
  it('detects a change', () => {
    const p: Inline[] = [{ type: 'text', text: '召开' }, num('4')];
    expect(segmentsChanged(p, ['召开', ''])).toBe(false);
    expect(segmentsChanged(p, ['共召开', ''])).toBe(true);
  });
});

describe('recordIdsParam', () => {
  it('lists each record once, up to the limit', () => {
    const s = [{ type: 'activity' as const, id: 'a' }, { type: 'activity' as const, id: 'a' }, { type: 'member' as const, id: 'm' }, { type: 'member' as const, id: 'n' }];
    expect(recordIdsParam(s)).toBe('activity:a,member:m,member:n');
    expect(recordIdsParam(s, 2)).toBe('activity:a,member:m');
  });
});

describe('summaryRequest', () => {
  it('sends the quarter only for a quarterly report', () => {
    expect(summaryRequest('o', { kind: 'quarterly', year: 2026, quarter: 2, half: 1 })).toEqual({ orgId: 'o', kind: 'quarterly', year: 2026, quarter: 2 });
    expect(summaryRequest('o', { kind: 'annual', year: 2025, quarter: 2 })).toEqual({ orgId: 'o', kind: 'annual', year: 2025 });
  });
});
