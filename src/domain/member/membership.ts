/**
 * Membership over time: a member belongs to an organization over dated periods (党员组织关系,
 * regulations.md §7, glossary `membershipTransfer`). Every roll, count and statistic asks these
 * predicates — one per rule — so a closed period's numbers depend only on what was true then.
 *
 * A period is `[startedOn, endedOn)`: on the roll from `startedOn` (inclusive) until the day
 * before `endedOn`; on `endedOn` (the day of the transfer, death, …) the member is no longer on it.
 */
import type { LocalDate } from '../common/dates.ts';
import { ValidationError } from '../errors.ts';

/** How a period began. */
export const MEMBERSHIP_START_KINDS = {
  initial: '初始登记',
  rosterImport: '名册导入',
  transferInWithin: '系统内转入',
  transferInOutside: '从系统外转入',
} as const;
export type MembershipStartKind = keyof typeof MEMBERSHIP_START_KINDS;
export const MEMBERSHIP_START_KIND_LIST = Object.keys(MEMBERSHIP_START_KINDS) as MembershipStartKind[];

/** How a period ended (组织关系转接 within the system or outside it, 出党, 死亡, 停止党籍). */
export const MEMBERSHIP_END_KINDS = {
  transferOutWithin: '系统内转出',
  transferOutOutside: '转出到系统外',
  expelled: '出党',
  deceased: '死亡',
  suspended: '停止党籍',
} as const;
export type MembershipEndKind = keyof typeof MEMBERSHIP_END_KINDS;
export const MEMBERSHIP_END_KIND_LIST = Object.keys(MEMBERSHIP_END_KINDS) as MembershipEndKind[];

/** One period of a member in one organization (the branch the relationship is kept in). */
export interface Membership {
  id: string;
  memberId: string;
  orgId: string;
  /** First day on the roll; null for a legacy record with no date at all (on the roll since records began). */
  startedOn: LocalDate | null;
  startKind: MembershipStartKind;
  /** The day the member left (no longer on the roll that day); null while the period is open. */
  endedOn: LocalDate | null;
  endKind: MembershipEndKind | null;
  /** Where the member came from (an organization outside the system), as written. */
  cameFrom: string | null;
  /** Where the member went (an organization outside the system), as written. */
  wentTo: string | null;
}

/** Member statuses of someone still expected on the roll (the rest ended a period: 转出, 去世, …). */
export function isActiveStatus(status: string): boolean {
  return status === 'normal' || status === 'mobile';
}

/** What the predicates need of a member. */
export interface HasMemberships {
  status: string;
  memberships: readonly Membership[];
}

/** True when the period covers day `d` (`startedOn ≤ d < endedOn`). */
export function coversDay(p: Pick<Membership, 'startedOn' | 'endedOn'>, d: LocalDate): boolean {
  return (p.startedOn === null || p.startedOn <= d) && (p.endedOn === null || d < p.endedOn);
}

/** True when the period shares at least one day with the inclusive range `[from, to]`. */
export function overlapsRange(p: Pick<Membership, 'startedOn' | 'endedOn'>, from: LocalDate, to: LocalDate): boolean {
  return (p.startedOn === null || p.startedOn <= to) && (p.endedOn === null || p.endedOn > from);
}

/**
 * The period that puts the member on a roll on day `d` (of `orgId` when given), or null.
 * A legacy record marked 转出/去世/… whose period was never closed with a date is not on any
 * roll: no date was recorded, so it is not counted rather than counted with an invented one.
 */
export function membershipOn(m: HasMemberships, d: LocalDate, orgId?: string): Membership | null {
  for (const p of m.memberships) {
    if (orgId !== undefined && p.orgId !== orgId) continue;
    if (!coversDay(p, d)) continue;
    if (p.endedOn === null && !isActiveStatus(m.status)) continue;
    return p;
  }
  return null;
}

/** True when the member is on the roll (of `orgId` when given) on day `d`: the as-of count ("党员N名"). */
export function belongsOn(m: HasMemberships, d: LocalDate, orgId?: string): boolean {
  return membershipOn(m, d, orgId) !== null;
}

/** True when the member belonged (to `orgId` when given) on at least one day of `[from, to]`. */
export function belongedDuring(m: HasMemberships, from: LocalDate, to: LocalDate, orgId?: string): boolean {
  return m.memberships.some((p) => (orgId === undefined || p.orgId === orgId) && overlapsRange(p, from, to)
    && !(p.endedOn === null && !isActiveStatus(m.status)));
}

/** The organization whose roll the member is on on day `d`, or null. */
export function orgOn(m: HasMemberships, d: LocalDate): string | null {
  return membershipOn(m, d)?.orgId ?? null;
}

/** The member as seen from a set of organizations: only the periods spent in them. */
export function withinOrgs<M extends HasMemberships>(m: M, orgIds: ReadonlySet<string>): M {
  return { ...m, memberships: m.memberships.filter((p) => orgIds.has(p.orgId)) };
}

/** The open period (the current one), or null when the member has left. */
export function currentMembership(m: HasMemberships): Membership | null {
  return m.memberships.find((p) => p.endedOn === null) ?? null;
}

/**
 * The first day of a migrated or seeded member's only period when nothing better is known: the
 * later of 入党时间 (else 转正时间) and the organization's founding date — a member cannot belong to
 * a branch before it exists nor before joining the Party. Null when neither is known. The
 * migration `0004_memberships` applies the same rule in SQL.
 */
export function initialMembershipStart(m: { admittedOn: LocalDate | null; fullOn: LocalDate | null }, orgEstablishedOn: LocalDate | null): LocalDate | null {
  const joined = m.admittedOn ?? m.fullOn;
  if (joined === null) return orgEstablishedOn;
  if (orgEstablishedOn === null) return joined;
  return joined > orgEstablishedOn ? joined : orgEstablishedOn;
}

/** The member status after a period ends this way (a transfer within the system keeps the member 正常). */
export const STATUS_AFTER_END = {
  transferOutWithin: 'normal',
  transferOutOutside: 'transferredOut',
  expelled: 'removed',
  deceased: 'deceased',
  suspended: 'suspended',
} as const satisfies Record<MembershipEndKind, string>;

/** How a period recorded only as a status and a leaving date ended (legacy records, seeds). */
export function endKindForStatus(status: string): MembershipEndKind {
  switch (status) {
    case 'deceased': return 'deceased';
    case 'removed': return 'expelled';
    case 'suspended': return 'suspended';
    default: return 'transferOutOutside';
  }
}

/**
 * A member's only period when it is created from a member record (seed, single entry): in `orgId`
 * from `startedOn`, closed on the record's `leftOn` with the kind its status implies.
 */
export function soleMembership(
  m: { id: string; orgId: string; status: string; leftOn: LocalDate | null },
  id: string, startedOn: LocalDate | null, startKind: MembershipStartKind,
): Membership {
  // A leaving date on or before the start (inconsistent legacy data) leaves the start unknown, as the migration does.
  const start = m.leftOn !== null && startedOn !== null && startedOn >= m.leftOn ? null : startedOn;
  return {
    id, memberId: m.id, orgId: m.orgId, startedOn: start, startKind,
    endedOn: m.leftOn, endKind: m.leftOn !== null ? endKindForStatus(m.status) : null, cameFrom: null, wentTo: null,
  };
}

/** How a member leaves an organization's roll (one of the end kinds, with its date). */
export type MembershipEndInput =
  | { kind: 'transferOutWithin'; date: LocalDate; toOrgId: string }
  | { kind: 'transferOutOutside'; date: LocalDate; wentTo: string }
  | { kind: 'expelled' | 'deceased' | 'suspended'; date: LocalDate };

/** A member coming (back) onto a roll: from elsewhere in the system or from outside it. */
export interface MembershipStartInput {
  date: LocalDate;
  orgId: string;
  /** The sending organization outside the system, as written in the 介绍信; null when unknown. */
  cameFrom: string | null;
}

/** What a use case writes for a change of membership: the period closed, the one opened, the member's new fields. */
export interface MembershipChange {
  close: { id: string; endedOn: LocalDate; endKind: MembershipEndKind; wentTo: string | null } | null;
  open: Membership | null;
  member: { orgId: string; status: 'normal' | 'transferredOut' | 'removed' | 'deceased' | 'suspended'; leftOn: LocalDate | null; subgroupId?: null };
}

function refuse(message: string, field: string): never {
  throw new ValidationError(message, [{ field, message }]);
}

function lastEnd(m: HasMemberships): LocalDate | null {
  let last: LocalDate | null = null;
  for (const p of m.memberships) if (p.endedOn !== null && (last === null || p.endedOn > last)) last = p.endedOn;
  return last;
}

/**
 * Ends the member's open period on `input.date` (组织关系转接 out of the organization, 出党, 死亡,
 * 停止党籍 — regulations.md §7, EDU-10/EDU-11). The member counts on the old roll until the day
 * before; a transfer within the system opens a period in the receiving branch on the same day.
 * Throws ValidationError when the member has no open period, the date is after `today` or
 * not after the period's start, or the receiving branch is the same one.
 */
export function planMembershipEnd(
  m: HasMemberships & { id: string; orgId: string },
  input: MembershipEndInput, today: LocalDate, newPeriodId: string,
): MembershipChange {
  const open = currentMembership(m);
  if (!open) refuse('该党员当前不在任何党组织的名册上', 'date');
  if (input.date > today) refuse('日期不能晚于今天', 'date');
  if (open.startedOn !== null && input.date <= open.startedOn) {
    refuse(`日期应晚于该党员加入本组织的日期（${open.startedOn}）`, 'date');
  }
  if (input.kind === 'transferOutWithin') {
    if (input.toOrgId === open.orgId) refuse('转入组织与当前所在组织相同', 'toOrgId');
    return {
      close: { id: open.id, endedOn: input.date, endKind: 'transferOutWithin', wentTo: null },
      open: {
        id: newPeriodId, memberId: m.id, orgId: input.toOrgId, startedOn: input.date, startKind: 'transferInWithin',
        endedOn: null, endKind: null, cameFrom: null, wentTo: null,
      },
      member: { orgId: input.toOrgId, status: 'normal', leftOn: null, subgroupId: null },
    };
  }
  return {
    close: { id: open.id, endedOn: input.date, endKind: input.kind, wentTo: input.kind === 'transferOutOutside' ? input.wentTo : null },
    open: null,
    member: { orgId: m.orgId, status: STATUS_AFTER_END[input.kind], leftOn: input.date },
  };
}

/**
 * Opens a period for a member who is on no roll now (转入 from outside the system, or back after
 * leaving), from `input.date`. Throws ValidationError when the member still has an open
 * period, the date is after `today`, or before the end of the member's last period.
 */
export function planMembershipStart(
  m: HasMemberships & { id: string }, input: MembershipStartInput, today: LocalDate, newPeriodId: string,
): MembershipChange {
  if (currentMembership(m)) refuse('该党员仍在名册上，请先办理转出', 'date');
  if (input.date > today) refuse('日期不能晚于今天', 'date');
  const last = lastEnd(m);
  if (last !== null && input.date < last) refuse(`日期不能早于该党员上次离开的日期（${last}）`, 'date');
  return {
    close: null,
    open: {
      id: newPeriodId, memberId: m.id, orgId: input.orgId, startedOn: input.date, startKind: 'transferInOutside',
      endedOn: null, endKind: null, cameFrom: input.cameFrom, wentTo: null,
    },
    member: { orgId: input.orgId, status: 'normal', leftOn: null, subgroupId: null },
  };
}
