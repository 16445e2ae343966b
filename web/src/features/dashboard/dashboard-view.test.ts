import { describe, expect, it } from 'vitest';
import { activityTotal, monthlySeries, percentText, pipeline } from './dashboard-view.ts';

describe('monthlySeries', () => {
  it('spreads counts over twelve months per kind, in the kinds’ order, without empty kinds', () => {
    const s = monthlySeries([
      { month: 3, kind: 'partyLecture', count: 1 },
      { month: 1, kind: 'branchCommitteeMeeting', count: 2 },
      { month: 3, kind: 'branchCommitteeMeeting', count: 1 },
      { month: 5, kind: 'themedPartyDay', count: 0 },
    ]);
    expect(s.map((x) => x.name)).toEqual(['支部委员会会议', '党课']);
    expect(s[0]!.data).toEqual([2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(s[1]!.data[2]).toBe(1);
  });
  it('totals the year', () => {
    expect(activityTotal([{ month: 1, kind: 'other', count: 2 }, { month: 2, kind: 'other', count: 3 }])).toBe(5);
  });
});

describe('formatting', () => {
  it('writes rates with at most one decimal, and a dash when unknown', () => {
    expect(percentText(93.456)).toBe('93.5%');
    expect(percentText(100)).toBe('100%');
    expect(percentText(null)).toBe('—');
  });
  it('lists the pipeline in order', () => {
    expect(pipeline({ applied: 3, activist: 2, candidate: 1, admittedProbationary: 1, becameFull: 0 }).map((p) => p.count)).toEqual([3, 2, 1, 1, 0]);
  });
});
