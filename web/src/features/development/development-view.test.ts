import { describe, expect, it } from 'vitest';
import type { CaseView, NextStepItem } from './types.ts';
import { byStage, lastStepDate, nextDeadline, nextStepRow, stepName, todayInChina } from './development-view.ts';

function next(over: Partial<NextStepItem> = {}): NextStepItem {
  return { step: 'fullMembershipMeeting', name: '支部大会讨论转正', earliest: '2026-11-21', latest: '2026-11-21', ruleId: 'DEV-22', message: '预备期届满', ...over };
}

function kase(name: string, stage: number, over: Partial<CaseView> = {}): CaseView {
  return {
    case: { id: name, orgId: 'o', personName: name, birthDate: null, memberId: null, ruleSet: '2014', steps: [{ id: 's1', step: 'application', date: '2025-04-16' }] },
    currentStep: 'application', stage, nextSteps: [], dues: [], findings: [], ...over,
  };
}

describe('steps', () => {
  it('names a step, and says when none is recorded', () => {
    expect(stepName('activistConfirmed')).toBe('推荐和确定入党积极分子');
    expect(stepName(null)).toBe('尚未开始');
    expect(stepName('unknownStep')).toBe('unknownStep');
  });

  it('finds the latest recorded step date', () => {
    const c = kase('郑思远', 2);
    c.case.steps.push({ id: 's2', step: 'activistConfirmed', date: '2025-10-20' }, { id: 's3', step: 'applicantTalk', date: '2025-05-10' });
    expect(lastStepDate(c)).toBe('2025-10-20');
    expect(lastStepDate(kase('x', 1, { case: { ...c.case, steps: [] } }))).toBeNull();
  });
});

describe('nextStepRow', () => {
  it('is overdue after its latest date, soon within 30 days, later before its earliest date', () => {
    expect(nextStepRow(next(), '2026-11-23')).toMatchObject({ urgency: 'overdue', window: '2026-11-21' });
    expect(nextStepRow(next({ earliest: null, latest: '2026-12-10' }), '2026-11-23')).toMatchObject({ urgency: 'soon', window: '2026-12-10 前' });
    expect(nextStepRow(next({ earliest: '2027-04-20', latest: null }), '2026-11-23')).toMatchObject({ urgency: 'later', window: '2027-04-20 起' });
    expect(nextStepRow(next({ earliest: '2026-12-01', latest: '2027-03-01' }), '2026-11-23')).toMatchObject({ urgency: 'later', window: '2026-12-01 至 2027-03-01' });
    expect(nextStepRow(next({ earliest: null, latest: null }), '2026-11-23')).toMatchObject({ urgency: 'open', window: '随时' });
  });

  it('takes the nearest deadline among several open steps', () => {
    expect(nextDeadline([next({ latest: '2027-01-01' }), next({ latest: null }), next({ step: 'oath', latest: '2026-12-01' })])?.step).toBe('oath');
    expect(nextDeadline([next({ latest: null })])).toBeNull();
  });
});

describe('byStage', () => {
  it('puts each case in its stage, those with an error first, then the nearest deadline', () => {
    const cols = byStage([
      kase('甲', 2, { nextSteps: [next({ latest: '2027-05-01' })] }),
      kase('乙', 2, { nextSteps: [next({ latest: '2026-12-01' })] }),
      kase('丙', 2, { findings: [{ ruleId: 'DEV-06', severity: 'error', orgId: 'o', period: '2026', message: '', recordIds: [], citation: '' }] }),
      kase('丁', 5),
      kase('戊', 9),
    ]);
    expect(cols).toHaveLength(5);
    expect(cols[1]!.map((c) => c.case.personName)).toEqual(['丙', '乙', '甲']);
    expect(cols[4]!.map((c) => c.case.personName)).toEqual(['丁']);
    expect(cols[0]!.map((c) => c.case.personName)).toEqual(['戊']);
  });
});

describe('todayInChina', () => {
  it('is the calendar day in China, a day ahead of UTC late in the evening', () => {
    expect(todayInChina(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
    expect(todayInChina(new Date('2026-11-23T15:30:00Z'))).toBe('2026-11-23');
  });
});
