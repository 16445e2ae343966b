/**
 * Party organizations (党组织): the tree 党委 / 党总支 / 党支部 / 党小组 and the others of domain.md.
 * Subtrees are addressed by a materialized path (`path`), so no code walks the tree recursively.
 */
import type { LocalDate } from '../common/dates.ts';

/** Organization types, with the glossary identifiers (regulations.md §9). */
export const ORG_TYPES = {
  primaryPartyCommittee: '党委',
  generalPartyBranch: '党总支',
  partyBranch: '党支部',
  partySubgroup: '党小组',
  leadingPartyGroup: '党组',
  workingCommittee: '党工委',
  jointPartyBranch: '联合党支部',
  temporaryPartyBranch: '临时党支部',
} as const;
export type OrgType = keyof typeof ORG_TYPES;

/** What the organization's unit is; village and community committees serve 5-year terms (BR-19). */
export const UNIT_KINDS = {
  organ: '机关',
  institution: '事业单位',
  stateOwnedEnterprise: '国有企业',
  village: '村',
  community: '社区',
  school: '学校',
  nonPublic: '非公有制经济组织和社会组织',
  other: '其他',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

/** A committee term (届期): elected on a date for a number of years; expires on the anniversary. */
export interface CommitteeTerm {
  id: string;
  orgId: string;
  electedOn: LocalDate;
  termYears: number;
  /** Usually `electedOn` + `termYears` years (regulations.md §10 anniversary convention). */
  expiresOn: LocalDate;
}

export interface Organization {
  id: string;
  parentId: string | null;
  /** Materialized path of ids from the root, e.g. `root.child.grandchild` (ids with `-` removed). */
  path: string;
  type: OrgType;
  name: string;
  unitKind: UnitKind;
  establishedOn: LocalDate | null;
}

/** Branch-level organizations: those that keep the 三会一课 and whose members are recorded directly. */
export function isBranchLike(type: OrgType): boolean {
  return type === 'partyBranch' || type === 'jointPartyBranch' || type === 'temporaryPartyBranch';
}

/** A 党委-level organization whose summary rolls up its subtree. */
export function isCommitteeLike(type: OrgType): boolean {
  return type === 'primaryPartyCommittee' || type === 'generalPartyBranch' || type === 'leadingPartyGroup' || type === 'workingCommittee';
}

/** Label segment for a uuid in a materialized path (ltree labels allow [A-Za-z0-9_]). */
export function pathLabel(id: string): string {
  return id.replace(/-/g, '');
}
