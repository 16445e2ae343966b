/**
 * Quorum and majority arithmetic for general meetings, committee meetings and elections, in
 * integers (no fractions): "more than half of V" is 2·x > V (regulations.md §10, §11 item 5).
 */

/** Members with a vote who are due to attend (ELE-03, TV-21): full members minus those under 留党察看 and other exclusions (ELE-09). */
export function votingMembersDue(fullMembers: number, underInternalProbation: number, excluded = 0): number {
  return Math.max(0, fullMembers - underInternalProbation - excluded);
}

/** Smallest whole number strictly greater than `num/den` of `total`. */
function moreThan(total: number, num: number, den: number): number {
  return Math.floor((total * num) / den) + 1;
}

/** Result of a general-meeting vote (BR-08, DEV-16). */
export interface GeneralMeetingVote { quorum: boolean; passed: boolean; presentNeeded: number; yesNeeded: number }

/**
 * General-meeting vote (BR-08 支部工作条例 第十一条; DEV-16): quorum when voting members present
 * > ½·V; passes when yes votes (in the room plus valid written opinions of absent voting members)
 * > ½·V, where V = voting members due to attend. Without quorum the vote may not proceed.
 */
export function generalMeetingVote(due: number, present: number, yesInRoom: number, writtenYes = 0): GeneralMeetingVote {
  const presentNeeded = moreThan(due, 1, 2);
  const yesNeeded = moreThan(due, 1, 2);
  const quorum = present >= presentNeeded;
  return { quorum, passed: quorum && yesInRoom + writtenYes >= yesNeeded, presentNeeded, yesNeeded };
}

/**
 * Committee meeting quorum (BR-09 第十二条, TV-24): strict (default) "more than half" of the
 * committee; lenient "at least half".
 */
export function committeeQuorum(committeeSize: number, strictMajority = true): number {
  return strictMajority ? moreThan(committeeSize, 1, 2) : Math.ceil(committeeSize / 2);
}

/** Election meeting valid when voters present > 4/5 of voters due (ELE-07, TV-22). Returns the minimum present. */
export function electionQuorum(votersDue: number): number {
  return moreThan(votersDue, 4, 5);
}

/** A candidate is elected with yes votes > half of voters actually present (ELE-08). Returns the minimum yes votes. */
export function electedThreshold(votersPresent: number): number {
  return moreThan(votersPresent, 1, 2);
}

/** Minimum candidates for `seats` committee seats: seats + ⌈20%·seats⌉ (ELE-05, TV-23). */
export function minimumCandidates(seats: number): number {
  return seats + Math.ceil(seats / 5);
}

/** True when a candidate list satisfies the ELE-05 差额 (an equal list, 等额, fails). */
export function candidateListValid(seats: number, candidates: number): boolean {
  return candidates >= minimumCandidates(seats);
}
