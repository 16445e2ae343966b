import { describe, expect, it } from 'vitest';
import { candidateListValid, committeeQuorum, electedThreshold, electionQuorum, generalMeetingVote, minimumCandidates, votingMembersDue } from './voting.ts';
import { correctionEndsBy, graduateTransferBy, letterReportBy, removalReviewFrom, suspensionEligibleFrom, transferDueBy } from './transfer.ts';

describe('admission vote (TV-21)', () => {
  const V = votingMembersDue(20, 1);
  it('V = 20 full − 1 under 留党察看 = 19; quorum and pass need ≥ 10', () => {
    expect(V).toBe(19);
    expect(generalMeetingVote(V, 12, 9, 1)).toEqual({ quorum: true, passed: true, presentNeeded: 10, yesNeeded: 10 });
  });
  it('9 yes of 12 present without written opinions fails (denominator is V, not those present)', () => {
    expect(generalMeetingVote(V, 12, 9).passed).toBe(false);
  });
  it('9 present: no quorum, the vote may not proceed', () => {
    expect(generalMeetingVote(V, 9, 9, 5)).toMatchObject({ quorum: false, passed: false });
  });
});

describe('election (TV-22, TV-23)', () => {
  it('30 due: ≥ 25 present; 24 is invalid; 26 present → ≥ 14 yes; 28 due → ≥ 23', () => {
    expect(electionQuorum(30)).toBe(25);
    expect(24 >= electionQuorum(30)).toBe(false);
    expect(electedThreshold(26)).toBe(14);
    expect(electionQuorum(votingMembersDue(30, 0, 2))).toBe(23);
  });
  it.each([[3, 4], [5, 6], [7, 9], [9, 11]])('%i seats need %i candidates', (seats, c) => {
    expect(minimumCandidates(seats)).toBe(c);
  });
  it('5 candidates for 5 seats (等额) is invalid', () => {
    expect(candidateListValid(5, 5)).toBe(false);
    expect(candidateListValid(5, 6)).toBe(true);
  });
});

describe('committee quorum (TV-24)', () => {
  it('strict: 5 → 3, 4 → 3; lenient: 4 → 2', () => {
    expect(committeeQuorum(5)).toBe(3);
    expect(committeeQuorum(4)).toBe(3);
    expect(committeeQuorum(4, false)).toBe(2);
  });
});

describe('transfers and status (TV-27)', () => {
  it('computes each deadline', () => {
    expect(transferDueBy('2026-02-01')).toBe('2026-08-01');
    expect(letterReportBy('2026-03-01')).toBe('2026-06-01');
    expect(suspensionEligibleFrom('2025-05-01')).toBe('2025-11-01');
    expect(removalReviewFrom('2025-11-20')).toBe('2027-11-20');
    expect(graduateTransferBy('2025-07-01')).toBe('2027-07-01');
    expect(correctionEndsBy('2026-03-01')).toBe('2027-03-01');
  });
  it('clamps at month ends', () => {
    expect(transferDueBy('2026-08-31')).toBe('2027-02-28');
  });
});
