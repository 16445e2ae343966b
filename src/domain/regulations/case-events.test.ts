import { describe, expect, it } from 'vitest';
import type { DevelopmentEvent } from '../development/development.ts';
import { mergeDevelopmentEvents } from './case-events.ts';
import type { DevelopmentCase } from './development.ts';

const ORG = '00000000-0000-4000-8000-00000000000a';
const ev = (over: Partial<DevelopmentEvent>): DevelopmentEvent => ({ id: 'e', orgId: ORG, memberId: null, personName: '张三', step: 'applied', date: '2024-01-01', ...over });
const kase: DevelopmentCase = {
  id: 'c1', orgId: ORG, personName: '张三', birthDate: null, memberId: 'm1', ruleSet: '2014',
  steps: [
    { id: 's1', step: 'application', date: '2024-01-05' },
    { id: 's2', step: 'applicantTalk', date: '2024-01-20' },
    { id: 's3', step: 'activistConfirmed', date: '2024-03-01' },
  ],
};

describe('mergeDevelopmentEvents', () => {
  it('keeps the case\'s events and drops stored events of the same person and step', () => {
    const stored = [
      ev({ id: 'old-applied', date: '2024-01-01' }),
      ev({ id: 'old-candidate', step: 'candidate', date: '2025-03-02' }),
      ev({ id: 'by-member', personName: '张三（曾用名）', memberId: 'm1', step: 'activist', date: '2024-02-01' }),
      ev({ id: 'other-person', personName: '李四', date: '2024-01-02' }),
    ];
    const got = mergeDevelopmentEvents([kase], stored);
    expect(got.map((e) => [e.id, e.step, e.date])).toEqual([
      ['other-person', 'applied', '2024-01-02'],
      ['s1', 'applied', '2024-01-05'],
      ['s3', 'activist', '2024-03-01'],
      ['old-candidate', 'candidate', '2025-03-02'],
    ]);
  });

  it('counts a namesake in another organization separately', () => {
    const got = mergeDevelopmentEvents([kase], [ev({ id: 'elsewhere', orgId: '00000000-0000-4000-8000-00000000000b' })]);
    expect(got.map((e) => e.id)).toEqual(['elsewhere', 's1', 's3']);
  });
});
