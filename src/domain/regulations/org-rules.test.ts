import { describe, expect, it } from 'vitest';
import { checkStructure, checkTerms, defaultTermYears, structureFor, termDates } from './org-rules.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { makeMember, makeMembers, makeOrg, makeTerm } from '../../../test/factories/regulations.ts';

describe('structure by member count (TV-25)', () => {
  it.each([[2, 'jointBranch'], [3, 'branchNoCommittee'], [6, 'branchNoCommittee'], [7, 'branchWithCommittee'], [55, 'branchWithCommittee']] as const)('%i full members → %s', (n, kind) => {
    expect(structureFor(n).kind).toBe(kind);
  });
  it('joint branch covering 6 units and a branch of 55 get warnings', () => {
    expect(structureFor(2, 6).notes.map((x) => x.message)).toContain('联合党支部覆盖6个单位，一般不超过5个');
    expect(structureFor(55).notes.map((x) => x.ruleId)).toContain('BR-02');
  });
});

describe('checkStructure', () => {
  const org = makeOrg({ id: 'b1', name: '第二党支部' });
  it('warns below 3 full members and above 50 members', () => {
    expect(checkStructure(org, makeMembers('b1', 2), '2026-12-31', '2026').map((f) => [f.ruleId, f.severity])).toEqual([['BR-01', 'warning']]);
    const big = checkStructure(org, [...makeMembers('b1', 51), ...['secretary', 'organizationCommitteeMember', 'publicityCommitteeMember'].map((p) => makeMember({ orgId: 'b1', positions: [p as 'secretary'] }))], '2026-12-31', '2026');
    expect(big.map((f) => f.ruleId)).toEqual(['BR-02']);
  });
  it('a branch of 7 full members without a committee is an error (BR-17)', () => {
    const members = [...makeMembers('b1', 6), makeMember({ orgId: 'b1', positions: ['secretary'] })];
    const fs = checkStructure(org, members, '2026-12-31', '2026');
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['BR-17', 'error']]);
  });
  it('a branch of 5 with a secretary only is fine; with 委员 it gets a BR-18 note', () => {
    expect(checkStructure(org, [...makeMembers('b1', 4), makeMember({ orgId: 'b1', positions: ['secretary'] })], '2026-12-31', '2026')).toEqual([]);
    expect(checkStructure(org, [...makeMembers('b1', 4), makeMember({ orgId: 'b1', positions: ['committeeMember'] })], '2026-12-31', '2026').map((f) => f.ruleId)).toEqual(['BR-18']);
  });
});

describe('terms and reminders (TV-26)', () => {
  const branch = makeOrg({ id: 'b1', name: '机关第一党支部' });
  const term = makeTerm({ orgId: 'b1', electedOn: '2023-06-15', termYears: 3, expiresOn: '2026-06-15' });
  it('non-village branch elected 2023-06-15: expires 2026-06-15, reminder 2025-12-15, latest 2027-06-15', () => {
    expect(termDates(term, DEFAULT_SETTINGS)).toEqual({ expiresOn: '2026-06-15', reminderFrom: '2025-12-15', latestElection: '2027-06-15' });
  });
  it('community branch elected 2021-03-01 serves 5 years: expires 2026-03-01', () => {
    const community = makeOrg({ unitKind: 'community' });
    expect(defaultTermYears(community)).toBe(5);
    expect(termDates({ electedOn: '2021-03-01', termYears: 5 }, DEFAULT_SETTINGS).expiresOn).toBe('2026-03-01');
    expect(defaultTermYears(makeOrg({ unitKind: 'village', type: 'generalPartyBranch' }))).toBe(5);
    expect(defaultTermYears(makeOrg({ type: 'primaryPartyCommittee' }))).toBe(5);
  });
  it('a 2-year term is invalid (PC-06); a 5-year ordinary branch term is a BR-19 note', () => {
    expect(checkTerms(branch, [{ ...term, termYears: 2 }], DEFAULT_SETTINGS, '2024-01-01').findings.map((f) => [f.ruleId, f.severity])).toEqual([['PC-06', 'error']]);
    expect(checkTerms(branch, [{ ...term, termYears: 5 }], DEFAULT_SETTINGS, '2024-01-01').findings.map((f) => [f.ruleId, f.severity])).toEqual([['BR-19', 'warning']]);
  });
  it('reminder is due from 6 months ahead; nothing earlier', () => {
    expect(checkTerms(branch, [term], DEFAULT_SETTINGS, '2025-10-01').dues).toEqual([]);
    const r = checkTerms(branch, [term], DEFAULT_SETTINGS, '2025-11-20');
    expect(r.dues).toEqual([expect.objectContaining({ ruleId: 'ELE-11', earliest: '2025-12-15', latest: '2026-06-15' })]);
  });
  it('expired without election: warning within a year, error after', () => {
    expect(checkTerms(branch, [term], DEFAULT_SETTINGS, '2026-08-01').findings.map((f) => [f.ruleId, f.severity])).toEqual([['ELE-01', 'warning']]);
    expect(checkTerms(branch, [term], DEFAULT_SETTINGS, '2027-06-16').findings.map((f) => [f.ruleId, f.severity])).toEqual([['ELE-01', 'error']]);
  });
  it('a new term clears the expiry', () => {
    const next = makeTerm({ orgId: 'b1', electedOn: '2026-06-10', termYears: 3, expiresOn: '2029-06-10' });
    expect(checkTerms(branch, [term, next], DEFAULT_SETTINGS, '2026-08-01').findings).toEqual([]);
  });
});
